import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backoffDelay, fitLines, robotAccepted, signedUrl, webhookBody, webhookHost, WECOM_MAX_BYTES } from './webhook-message';

describe('webhookBody', () => {
  const message = { title: '2026年10月数据缺报提醒（2 项）', lines: ['- 软件园 新一代信息技术产值未报送', '- 湖里 数字创意营收未报送'] };

  it('builds a WeCom markdown message', () => {
    expect(webhookBody('wecom', message)).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 2026年10月数据缺报提醒（2 项）\n- 软件园 新一代信息技术产值未报送\n- 湖里 数字创意营收未报送' },
    });
  });

  it('builds a DingTalk markdown message with its title', () => {
    expect(webhookBody('dingtalk', message)).toEqual({
      msgtype: 'markdown',
      markdown: { title: '2026年10月数据缺报提醒（2 项）', text: '### 2026年10月数据缺报提醒（2 项）\n- 软件园 新一代信息技术产值未报送\n- 湖里 数字创意营收未报送' },
    });
  });

  it('keeps a WeCom message within 4096 bytes and says how many lines were left out', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `- 第 ${i + 1} 项：某园区某产业产值未报送`);
    const body = webhookBody('wecom', { title: '缺报提醒', lines }) as { markdown: { content: string } };
    const content = body.markdown.content;
    expect(Buffer.byteLength(content, 'utf8')).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    const kept = content.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(kept).toBeGreaterThan(10);
    expect(content.endsWith(`> 另有 ${300 - kept} 项，请登录平台查看`)).toBe(true);
  });

  it('fitLines keeps everything that fits', () => {
    expect(fitLines('标题', ['a', 'b'], 1000)).toBe('### 标题\na\nb');
  });
});

describe('signedUrl', () => {
  it('adds timestamp and HMAC-SHA256 sign for DingTalk with a secret', () => {
    const url = signedUrl('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECxyz', 1700000000000);
    const u = new URL(url);
    expect(u.searchParams.get('access_token')).toBe('abc');
    expect(u.searchParams.get('timestamp')).toBe('1700000000000');
    const expected = createHmac('sha256', 'SECxyz').update('1700000000000\nSECxyz').digest('base64');
    expect(u.searchParams.get('sign')).toBe(expected);
  });

  it('leaves WeCom URLs and unsigned DingTalk URLs alone', () => {
    expect(signedUrl('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'x', 1)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
    expect(signedUrl('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=a', null, 1)).toBe('https://oapi.dingtalk.com/robot/send?access_token=a');
  });
});

describe('robotAccepted', () => {
  it('needs HTTP 2xx and errcode 0 when the robot says so', () => {
    expect(robotAccepted(200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true, error: null });
    expect(robotAccepted(200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toEqual({ ok: false, error: 'errcode 93000: invalid webhook url' });
    expect(robotAccepted(502, 'bad gateway')).toEqual({ ok: false, error: 'HTTP 502' });
    expect(robotAccepted(204, '')).toEqual({ ok: true, error: null });
  });
});

describe('webhookHost and backoffDelay', () => {
  it('shows only the host of a URL that carries a key', () => {
    expect(webhookHost('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET')).toBe('qyapi.weixin.qq.com');
  });

  it('doubles the wait for each retry', () => {
    expect([1, 2, 3].map((n) => backoffDelay(500, n))).toEqual([500, 1000, 2000]);
  });
});
