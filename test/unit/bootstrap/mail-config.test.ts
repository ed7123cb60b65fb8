import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/bootstrap/config.js';

describe('the mail settings', () => {
  it('keep the mail catcher unless SMTP_URL is set', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, mailFrom: 'order-saga <no-reply@localhost>' });
  });

  it('read the SMTP server and the sender from the environment', () => {
    const env = {
      SMTP_URL: 'smtps://mailer:secret@mail.example.com:465',
      MAIL_FROM: 'shop <shop@example.com>',
    };
    expect(loadConfig(env)).toMatchObject({
      smtpUrl: 'smtps://mailer:secret@mail.example.com:465',
      mailFrom: 'shop <shop@example.com>',
    });
  });

  it.each([['http://mail.example.com'], ['mail.example.com:25'], ['smtp://']])(
    'refuse to start with SMTP_URL=%s',
    (value) => {
      expect(() => loadConfig({ SMTP_URL: value })).toThrow(ConfigError);
    },
  );
});
