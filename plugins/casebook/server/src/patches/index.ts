// Runtime patches of Strapi internals, each listed with its check in patches/README.md at the repository root.
export { CONTENT_MANAGER_UID_WRITTEN_FOR, patchContentManagerUid } from './content-manager-uid';
