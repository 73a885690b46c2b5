/** Resolves in a later task: what is queued (other messages, database replies, pending promise turns) runs first. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
