export function greetingActivities() {
  return {
    async composeGreeting(name: string): Promise<string> {
      return `Hello, ${name}! (pid ${process.pid})`;
    },
  };
}
