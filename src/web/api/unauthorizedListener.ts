type Listener = () => void;

let listener: Listener | null = null;

/**
 * The app registers one handler that sends the agent back to the login screen when any request
 * answers 401 (expired or idle-logged-out session), wherever that request was made.
 */
export const unauthorizedListener = {
  register(next: Listener): () => void {
    listener = next;
    return () => {
      if (listener === next) listener = null;
    };
  },
  notify(): void {
    listener?.();
  },
};
