// A worker thread drawing link-preview images (preview-image.ts).
import { serveJobs } from '../workers/pool.ts';
import { drawPreviewImage, type PreviewText } from './preview-image.ts';

serveJobs((text: PreviewText) => drawPreviewImage(text));
