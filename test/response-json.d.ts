// In tests, a response body is whatever the assertion says it is.
interface Response {
  // biome-ignore lint/suspicious/noExplicitAny: test assertions inspect arbitrary JSON
  json(): Promise<any>;
}
