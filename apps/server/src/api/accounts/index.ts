/** Staff accounts: the operations the `footprint user` command and the administrator's page share. */
export { addAccount, disableAccount, enableAccount, listAccounts, requireAccount, resetPassword, setRole, type AccountStorage, type NewAccount, type StaffAccount } from './accounts';
export { changeOwnPassword } from './own-password';
export { passwordProblems, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './password-rules';
export { describeRole, parseRole, ROLE_DESCRIPTIONS, type RoleDescription } from './role-input';
export { resolveOrganisation } from './organisation-input';
