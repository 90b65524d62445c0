// An SVG file → a PNG, in the browser: the SVG drawn as an image on a canvas at twice its size
// (sharp on high-density screens and in print), the canvas saved as PNG. The browser's own SVG
// renderer and fonts do the work, so Arabic is shaped and laid out right to left exactly as on
// the page, and the server needs no rasteriser (README, "Results from collected data").

/** Browsers refuse canvases much larger than this on a side (Chrome 32,767 px) or in area. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

export function pngScale(width: number, height: number, wanted = 2): number {
  return Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
}

export async function svgToPng(svg: string, wanted = 2): Promise<Blob> {
  const root = new DOMParser().parseFromString(svg, "image/svg+xml").documentElement;
  const width = Number(root.getAttribute("width"));
  const height = Number(root.getAttribute("height"));
  if (root.localName !== "svg" || !(width > 0) || !(height > 0)) throw new Error("not a sized SVG");
  const scale = pngScale(width, height, wanted);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
