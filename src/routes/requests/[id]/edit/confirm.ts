/** The removeFile action's answer when the removal was not confirmed yet: the page asks. */
export const CONFIRM_REMOVE = 'confirm_remove';
