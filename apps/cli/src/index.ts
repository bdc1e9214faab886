/**
 * Not implemented yet: this package's content arrives with issue 6. It exports nothing today.
 *
 * @packageDocumentation
 */
export {};
