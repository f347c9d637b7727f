//! Facts about providers that more than one probe reads, kept below the
//! probes so that none of them imports another: the rate-limit dialects
//! of response headers (`ratelimit`, read by `rate-limit` and `har`) and
//! the senders of signed webhooks with their delivery deadlines
//! (`webhook`, read by the webhook probes and `har`).

pub mod ratelimit;
pub mod webhook;
