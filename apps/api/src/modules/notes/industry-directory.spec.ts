import { describe, expect, it } from 'vitest';
import { IndustryDirectory, type IndustryInfo, splitUnits } from './industry-directory';
import { industriesWithDescendants } from './notes-viewer.service';

const node = (id: number, parentId: number | null, leadUnit: string | null = null, responsibleUnits: string | null = null): IndustryInfo => ({
  id,
  code: `n${id}`,
  name: `n${id}`,
  parentId,
  frameworkCode: 'fw',
  sortOrder: id,
  leadUnit,
  responsibleUnits,
});

describe('splitUnits', () => {
  it('splits the catalog’s mixed separators and drops repeats and blanks', () => {
    expect(splitUnits('市发改委、科技局,各区、火炬管委会')).toEqual(['市发改委', '科技局', '各区', '火炬管委会']);
    expect(splitUnits('市商务局、交通局、会展局；市商务局， ')).toEqual(['市商务局', '交通局', '会展局']);
    expect(splitUnits(null)).toEqual([]);
  });
});

describe('IndustryDirectory.catalogUnits', () => {
  it('takes the node’s own units, else those of its nearest ancestor that names any', () => {
    const nodes = [node(1, null, '市工信局', '市发改委、科技局'), node(2, 1), node(3, 2), node(4, null)];
    expect(IndustryDirectory.catalogUnits(nodes[0], nodes)).toEqual(['市工信局', '市发改委', '科技局']);
    expect(IndustryDirectory.catalogUnits(nodes[2], nodes)).toEqual(['市工信局', '市发改委', '科技局']);
    expect(IndustryDirectory.catalogUnits(nodes[3], nodes)).toEqual([]);
  });
});

describe('industriesWithDescendants', () => {
  it('includes the roots and every level below them, once', () => {
    const nodes = [node(1, null), node(2, 1), node(3, 2), node(4, null), node(5, 4)];
    expect(industriesWithDescendants([1], nodes)).toEqual([1, 2, 3]);
    expect(industriesWithDescendants([2, 3, 5], nodes)).toEqual([2, 3, 5]);
    expect(industriesWithDescendants([], nodes)).toEqual([]);
  });
});
