/** What every wing shares of the database: its dialect, the content model's tables, transactions, notifications. */
export { connectionOf, dialectOf, type Dialect } from './dialect';
export { columnOf, columnsWithout, fromRow, joinTableOf, morphJoinTableOf, scalarColumnsOf, tableOf, targetOf, type JoinTable, type MorphJoinTable } from './metadata';
export { subscribe, type Subscription } from './notifications';
export { lockStartup, unlockStartup } from './startup-lock';
export { BUSY_RETRY_AFTER, TRANSACTION_TRIES, busyError, isTransient, transactionWithRetry, type RetryOptions } from './transactions';
