"""The outbox: e-mails written as rows in the request's transaction, enqueued after the commit,
swept every minute, claimed with a short lease and sent once (orders.models.OutboxMessage)."""
