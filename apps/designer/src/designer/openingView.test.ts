import { describe, expect, it } from 'vitest';
import { OPEN_MIN_ZOOM, openingView } from './openingView.ts';

const at = (id: string, y: number) => ({ id, position: { y } });

describe('openingView', () => {
  it('frames the whole map when it is short', () => {
    expect(openingView([at('t', 0), at('p', 200), at('e', 400)])).toEqual({ padding: 0.2, maxZoom: 1, minZoom: OPEN_MIN_ZOOM });
  });

  it('frames the beginning of a tall map, where a reader starts', () => {
    const view = openingView([at('t', 100), at('d', 300), at('p', 750), at('late', 900), at('end', 2000)]);
    expect(view.nodes).toEqual([{ id: 't' }, { id: 'd' }, { id: 'p' }]);
    expect(view.minZoom).toBe(OPEN_MIN_ZOOM);
  });

  it('leaves an empty map alone', () => {
    expect(openingView([]).nodes).toBeUndefined();
  });
});
