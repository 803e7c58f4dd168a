import { createCanvas, loadImage } from '@napi-rs/canvas';
import { writeFileSync } from 'node:fs';
const img = await loadImage(process.argv[2]);
const [y, h] = [Number(process.argv[3]), Number(process.argv[4])];
const c = createCanvas(img.width, h);
c.getContext('2d').drawImage(img, 0, y, img.width, h, 0, 0, img.width, h);
writeFileSync(process.argv[5], c.toBuffer('image/png'));
