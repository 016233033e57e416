/**
 * `[operationId, status]` of every request a mock matched to an operation of its spec, in order (requests
 * it did not match, such as the authorize page, are left out): what an end-to-end test asserts was called.
 */
export function operationsAnswered(requests: readonly { operationId?: string | undefined; status: number }[]): [string, number][] {
  return requests.flatMap((request) => (request.operationId ? [[request.operationId, request.status] as [string, number]] : []));
}
