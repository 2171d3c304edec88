// The signed-in user: the API key lives in session storage only (gone when the tab closes) and the
// role comes from GET /api/v1/me.
const storageKey = 'actionnet.apiKey';

export const session = {
  me: null,

  get key() {
    return sessionStorage.getItem(storageKey);
  },

  set key(value) {
    if (value) {
      sessionStorage.setItem(storageKey, value);
    } else {
      sessionStorage.removeItem(storageKey);
    }
  },

  // viewer < operator < admin: operators and admins may add, change and remove.
  get canOperate() {
    return ['operator', 'admin'].includes(String(this.me?.role ?? '').toLowerCase());
  },

  signOut() {
    this.key = null;
    this.me = null;
  },
};
