import { Inject, Injectable, Logger } from '@nestjs/common';
import type { WebhookAttemptDto, WebhookDeliveryDto } from '@im/contracts';
import { Clock } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { jobsConfigOf, type WebhookConfig } from '../../core/config/jobs-config';
import { backoffDelay, robotAccepted, signedUrl, webhookBody, webhookHost, type WebhookMessage } from './webhook-message';

/**
 * Posts a markdown message to the configured chat robot (WEBHOOK_URL, WeCom or DingTalk). Each
 * attempt has a timeout; failures are retried with exponential backoff; every attempt is logged
 * (host only — the URL carries the robot's key) and returned for the run's history. Never throws.
 */
@Injectable()
export class WebhookNotifier {
  private readonly logger = new Logger('Webhook');
  private readonly config: WebhookConfig;

  constructor(
    @Inject(APP_CONFIG) appConfig: AppConfig,
    private readonly clock: Clock,
  ) {
    this.config = jobsConfigOf(appConfig).webhook;
  }

  get enabled(): boolean {
    return this.config.url !== null;
  }

  get settings(): { enabled: boolean; flavor: WebhookConfig['flavor']; host: string | null } {
    return { enabled: this.enabled, flavor: this.config.flavor, host: this.config.url ? webhookHost(this.config.url) : null };
  }

  /** null when no webhook is configured. */
  async send(message: WebhookMessage): Promise<WebhookDeliveryDto | null> {
    const url = this.config.url;
    if (!url) return null;
    const host = webhookHost(url);
    const body = JSON.stringify(webhookBody(this.config.flavor, message));
    const attempts: WebhookAttemptDto[] = [];
    const total = this.config.retries + 1;
    for (let attempt = 1; attempt <= total; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, backoffDelay(this.config.backoffMs, attempt - 1)));
      const at = this.clock.now();
      let status: number | null = null;
      let error: string | null = null;
      try {
        const res = await fetch(signedUrl(this.config.flavor, url, this.config.secret, Date.now()), {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body,
          signal: AbortSignal.timeout(this.config.timeoutMs),
          redirect: 'error',
        });
        status = res.status;
        const verdict = robotAccepted(res.status, await res.text());
        error = verdict.error;
      } catch (e) {
        const name = e instanceof Error ? e.name : '';
        error = name === 'TimeoutError' || name === 'AbortError' ? `超时（${this.config.timeoutMs / 1000} 秒）` : e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
        // Never let the URL (its key) into the record: fetch errors may quote it.
        error = error.split(url).join(host).slice(0, 300);
      }
      const ok = error === null;
      attempts.push({ attempt, at: at.toISOString(), ok, status, error });
      if (ok) {
        this.logger.log({ msg: `webhook delivered to ${host}`, host, attempt, status, title: message.title });
        return { host, flavor: this.config.flavor, delivered: true, attempts };
      }
      this.logger.warn({ msg: `webhook attempt ${attempt}/${total} to ${host} failed: ${error}`, host, attempt, status });
    }
    this.logger.error({ msg: `webhook to ${host} not delivered after ${total} attempts`, host, title: message.title });
    return { host, flavor: this.config.flavor, delivered: false, attempts };
  }
}
