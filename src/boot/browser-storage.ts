/**
 * localStorage, or nothing when the browser refuses it (storage disabled,
 * some private modes throw on access): the console then keeps clouds for the
 * tab's life only, and says so rather than failing to start.
 */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
