// Images for tests come from the same small encoder the demo uses.
export { encodePng, scribblePng, solidPng } from '../../scripts/lib/png';
