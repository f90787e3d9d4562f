import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { Framework } from '../catalog/entities/framework.entity';
import { IndustryNode } from '../catalog/entities/industry-node.entity';
import { NotesException } from './notes.exception';
import { industriesWithDescendants } from './notes-viewer.service';

export interface IndustryInfo {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  frameworkCode: string;
  sortOrder: number;
  leadUnit: string | null;
  responsibleUnits: string | null;
}

/** Splits the catalog's unit lists ("市发改委、科技局,各区、火炬管委会") into unit names. */
export function splitUnits(text: string | null): string[] {
  if (!text) return [];
  return [...new Set(text.split(/[,，、;；\n]/).map((s) => s.trim()).filter((s) => s.length > 0))];
}

/**
 * The industry tree as the notes module reads it (read-only; the catalog owns the table). 116 nodes:
 * read whole per call, no cache to go stale after an admin edit.
 */
@Injectable()
export class IndustryDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<IndustryInfo[]> {
    const [nodes, frameworks] = await Promise.all([
      this.dataSource.getRepository(IndustryNode).find({ order: { frameworkId: 'ASC', sortOrder: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(Framework).find({ select: { id: true, code: true } }),
    ]);
    const fw = new Map(frameworks.map((f) => [f.id, f.code]));
    return nodes.map((n) => ({
      id: n.id,
      code: n.code,
      name: n.name,
      parentId: n.parentId,
      frameworkCode: fw.get(n.frameworkId) ?? '',
      sortOrder: n.sortOrder,
      leadUnit: n.leadUnit,
      responsibleUnits: n.responsibleUnits,
    }));
  }

  async byCode(code: string): Promise<IndustryInfo> {
    const node = (await this.all()).find((n) => n.code === code);
    if (!node) throw NotesException.industryNotFound(code);
    return node;
  }

  /** The node of `code` and its sub-fields (ids), for "industry" filters. */
  async withDescendants(code: string): Promise<number[]> {
    const nodes = await this.all();
    const node = nodes.find((n) => n.code === code);
    if (!node) throw NotesException.industryNotFound(code);
    return industriesWithDescendants([node.id], nodes);
  }

  /**
   * The catalog's lead and responsible units of an industry, from the node or its nearest ancestor
   * that names any (sub-fields inherit their industry's units). Empty where the documents name none.
   */
  static catalogUnits(node: IndustryInfo, nodes: readonly IndustryInfo[]): string[] {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (let n: IndustryInfo | undefined = node; n; n = n.parentId === null ? undefined : byId.get(n.parentId)) {
      const units = [...new Set([...splitUnits(n.leadUnit), ...splitUnits(n.responsibleUnits)])];
      if (units.length) return units;
    }
    return [];
  }
}

/** Whether an error is a unique-index violation (a concurrent insert of the same row). */
export function isUniqueViolation(e: unknown): boolean {
  const driver = e instanceof QueryFailedError ? (e.driverError as { code?: string; message?: string }) : undefined;
  return !!driver && (driver.code === 'ER_DUP_ENTRY' || driver.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(driver.message ?? ''));
}
