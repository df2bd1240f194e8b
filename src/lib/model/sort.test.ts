import { describe, expect, it } from 'vitest';
import { sortRows } from './sort.ts';

const rows = [
  { town: '郭楼镇', v: 3 },
  { town: '康驿镇', v: null },
  { town: '中都街道', v: 10 },
  { town: '白石镇', v: 3 },
];

describe('sortRows', () => {
  it('sorts numbers, keeping ties in their order and empties last', () => {
    expect(sortRows(rows, (r) => r.v, 'desc').map((r) => r.town)).toEqual(['中都街道', '郭楼镇', '白石镇', '康驿镇']);
    expect(sortRows(rows, (r) => r.v, 'asc').map((r) => r.town)).toEqual(['郭楼镇', '白石镇', '中都街道', '康驿镇']);
  });
  it('sorts Chinese text by pinyin collation', () => {
    expect(sortRows(rows, (r) => r.town, 'asc').map((r) => r.town)).toEqual(['白石镇', '郭楼镇', '康驿镇', '中都街道']);
  });
});
