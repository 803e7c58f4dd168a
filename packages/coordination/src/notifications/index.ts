export { DEFAULT_RETRY_DELAYS_SECONDS, SubscriptionDispatcher, type DeliveryOutcome, type DispatcherOptions } from './dispatcher';
export { readRestHook, type RestHook, type RestHookOptions } from './rest-hook';
export { noticeAddress, ReferralEmailNotices, type EmailNotice, type EmailNoticeOptions, type NoticeQueue } from './email-notices';
export { DISPATCHER_ID, type Subscriber, type SubscriberResolver } from './subscriptions';
