/** The media library's uploads: case covers, images only (see cms/src/env/uploads.ts for the limits). */
export { guardUploads } from './guard';
export { imageTypeOf } from './image-content';
