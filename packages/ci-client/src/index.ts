/**
 * Not implemented yet: this package's content arrives with issue 5. It exports nothing today.
 *
 * @packageDocumentation
 */
export {};
