// A column's dictionary while it is encoded (column-store.ts): each distinct value's code, found
// from the value. A Map<string, number> did this, and its lookups were the largest cost of encoding
// an upload (about a quarter of reading a 50,000 rows × 150 columns CSV): every cell is a new
// string, so the map hashed each one in full before looking it up. Here the hash is computed in
// the loop that reads the cell's characters anyway (FNV-1a over its UTF-16 code units), into an
// open-addressing table of codes (linear probing, at most half full); a slot's value is compared
// with the cell, so a collision only costs another probe. Pure.

const EMPTY = -1;

export class CodeTable {
  /** Per slot, the code of the value whose hash led there (EMPTY: none) */
  private slots = new Int32Array(16).fill(EMPTY);
  private mask = 15;

  /** @param values the codes' values, in code order (the caller's array: the table reads it, only `add` appends to it) */
  constructor(private readonly values: string[]) {
    for (let code = 0; code < values.length; code++) this.place(values[code], code);
  }

  /** The code of `value`, or undefined when it has none yet. */
  get(value: string): number | undefined {
    const values = this.values;
    for (let slot = hash(value) & this.mask; ; slot = (slot + 1) & this.mask) {
      const code = this.slots[slot];
      if (code === EMPTY) return undefined;
      if (values[code] === value) return code;
    }
  }

  /** Appends `value` (not in the table yet) to the values; returns its code. */
  add(value: string): number {
    const code = this.values.length;
    this.values.push(value);
    if ((code + 1) * 2 > this.slots.length) this.grow();
    else this.place(value, code);
    return code;
  }

  private place(value: string, code: number): void {
    let slot = hash(value) & this.mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.slots[slot] = code;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    this.mask = this.slots.length - 1;
    for (let code = 0; code < this.values.length; code++) this.place(this.values[code], code);
  }
}

function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
