export { DEFAULT_RETRY_DELAYS_SECONDS, SubscriptionDispatcher, type DeliveryOutcome, type DispatcherOptions } from './dispatcher';
export { readRestHook, type RestHook, type RestHookOptions } from './rest-hook';
export { DISPATCHER_ID, type Subscriber, type SubscriberResolver } from './subscriptions';
