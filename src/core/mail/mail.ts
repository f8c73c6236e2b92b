/** How reminders leave: an SMTP server (SMTP_URL), or the outbox administrators read. */

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface SmtpSender {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function smtpSender(url: string, from: string): SmtpSender {
  // nodemailer is loaded when mail is first sent: most processes never send any.
  const transport = import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(url));
  return {
    async send(mail) {
      await (await transport).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => {
      transport.then((t) => t.close()).catch(() => {});
    },
  };
}
