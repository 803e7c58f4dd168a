/** The HTTP status a synchronous policy decision throws (403, …), or undefined when it allows. */
export function statusOfCall(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { status?: number }).status;
  }
}
