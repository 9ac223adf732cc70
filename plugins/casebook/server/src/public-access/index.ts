/** What the Public role may do: read the showcase, vote and read, and nothing else; votes switched on and off. */
export { default as publicAccessService, publicAccessOf, PUBLIC_ACTIONS, type PublicAccessReport } from './service';
