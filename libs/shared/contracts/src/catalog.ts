/** Wire types of the catalog (reference data): frameworks, industry trees, regions, indicators. */

export type IndicatorKind = 'flow' | 'stock' | 'ratio';
export type RegionType = 'city' | 'district' | 'zone' | 'park';

export interface FrameworkDto {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  source: string | null;
}

export interface IndustryNodeDto {
  code: string;
  name: string;
  nameEn: string | null;
  /** Code of the indicator this node is measured by (e.g. `output` for manufacturing, `revenue` for services). */
  indicatorCode: string | null;
  leadUnit: string | null;
  responsibleUnits: string | null;
  source: string | null;
  children: IndustryNodeDto[];
}

export interface IndustryTreeDto {
  framework: FrameworkDto;
  roots: IndustryNodeDto[];
}

export interface RegionNodeDto {
  code: string;
  name: string;
  nameEn: string | null;
  type: RegionType;
  /** Development zone the park also belongs to, if any. */
  zoneCode: string | null;
  landAreaMu: number | null;
  /** False when the source documents do not say which district the park is in. */
  districtVerified: boolean;
  note: string | null;
  /** Industry codes carried by a park (park ↔ industry links). */
  industryCodes: string[];
  children: RegionNodeDto[];
}

export interface IndicatorDto {
  code: string;
  name: string;
  nameEn: string | null;
  unit: string;
  kind: IndicatorKind;
  decimals: number;
}
