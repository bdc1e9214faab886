/**
 * Not implemented yet: this package's content arrives with issue 4. It exports nothing today.
 *
 * @packageDocumentation
 */
export {};
