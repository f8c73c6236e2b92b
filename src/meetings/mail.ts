/** How reminders leave: an SMTP server (SMTP_URL), or the outbox administrators read. */
import nodemailer from "nodemailer";

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
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
