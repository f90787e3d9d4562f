import { Matches } from 'class-validator';

export class JobNameParam {
  @Matches(/^[a-z][a-z0-9._-]{0,63}$/, { message: '任务名格式不正确' })
  name!: string;
}
