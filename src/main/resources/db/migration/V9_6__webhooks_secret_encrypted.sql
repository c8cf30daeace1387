-- Webhook secrets are stored encrypted from now on (events/WebhookSecrets: 'v1:' + base64 AES-GCM). The rows written
-- before are plaintext: mark them 'v0:' so no plaintext secret can be mistaken for an encrypted one; the application
-- re-encrypts them at start. The encrypted form is longer than the 200-character secret it holds.
alter table webhook alter column secret type varchar(400);
update webhook set secret = 'v0:' || secret;
