/** Every card has one size: ELK lays out boxes, and a uniform grid reads best on a wall. */
export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 88;
