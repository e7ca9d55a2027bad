import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogItemInputSchema } from '../domain/catalog-item';
import { stages } from '../domain/stages';
import { defaultCatalog, defaultCatalogByStage, type DefaultCatalogEntry } from './default-catalog';

const byName = (name: string): DefaultCatalogEntry => {
  const entry = defaultCatalog.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no catalog entry named ${name}`);
  return entry;
};

/**
 * The ids as shipped, in table order. Devices seed the catalog independently and sync merges by
 * id, so an id may never change: editing this list on purpose is the only way to change one.
 */
const shippedIds: [string, string][] = [
  ['项目赋码/企业投资项目备案', '1afdfed8-8623-47f7-962e-69c3a0c596fc'],
  ['企业投资项目核准（目录内项目）', 'fbd21e05-333a-462f-be1d-c074826f09b9'],
  ['政府投资项目建议书/可研/初设', '8659c171-b835-4e38-9ccf-679e4d61f6ea'],
  ['建设项目用地预审与选址意见书', '80c6c254-0d2d-41b3-a14e-f48067541315'],
  ['土地出让成交/出让合同', 'fc093a09-937a-4849-8311-b66f27f441e8'],
  ['建设用地规划许可证', '004131dc-4fb4-4f7a-a745-7bb60aff8d83'],
  ['不动产权证（土地）', '1bd1fbad-9a34-4291-ab82-49f1c9e06e47'],
  ['环境影响评价审批（报告书/报告表）', 'd42a5351-1f52-434c-8ed0-299a5df56521'],
  ['节能审查', 'd5af5c5d-277f-4e38-bc9b-4fbbf09b7f12'],
  ['水土保持方案审批', '569f55b5-b21d-4452-8f48-685266de0540'],
  ['设计方案审查（总平面）', '58effaa2-eafa-4e43-9220-19077be58230'],
  ['建设工程规划许可证', 'afce4e2e-1eb0-430e-96a2-92a58b2e1494'],
  ['防空地下室建设审批/易地建设', '211c484b-f590-4093-bf7b-b86c533a466b'],
  ['水电气热通信报装', 'f06ae53d-2312-4ad9-8bfe-1cbbc0b0179a'],
  ['占用挖掘道路/占绿迁树', '5265c3bf-54ab-4428-b557-8b0407a4ea46'],
  ['施工图联合审查', '3bc200f6-daa2-47c6-b5ed-9a9cdfb1cd52'],
  ['特殊建设工程消防设计审查', 'c7f6f2a6-cca3-4c6c-9417-21d02ba98efd'],
  ['雷电防护装置设计审核', '10d2ee69-a2a8-495b-8434-893ab89605e8'],
  ['施工/监理发包与合同备案', 'ea6e3fb8-8add-4fbf-8682-f73a4727c5ad'],
  ['建筑工程施工许可证（可分阶段）', 'ddb64ed7-dc21-4a23-8d33-8238af7c9626'],
  ['城镇污水排入排水管网许可', '4b467e65-a582-4da0-b53a-cb191a9e2b35'],
  ['高压供电接入', '7dbb8ac0-9101-4817-bb7c-0040620e8f6a'],
  ['规划条件核实（含土地核验）', 'c5a43601-1589-4f52-8e56-173b1ef2fe96'],
  ['消防验收/验收备案', 'd24b0069-53df-475a-951c-78539fc00c7c'],
  ['人防工程竣工验收备案', '95a83fcd-cf14-43ff-93ca-38663dc88a5b'],
  ['雷电防护装置竣工验收', '3b96f797-adc4-4112-855f-e367f97b288d'],
  ['城建档案验收', '6426622a-3529-406d-b8fa-6ad2b7a85c82'],
  ['建设项目竣工环境保护验收（自主）', 'b648cab9-512e-40e1-968d-337bcf878960'],
  ['竣工验收备案', '24b3aeca-f744-45ff-80e8-56a746a909b1'],
  ['不动产首次登记', 'ff125c2c-a24c-4ea7-8438-29ff88e6eca7'],
];

describe('default catalog', () => {
  it('has entries that all pass the catalog schema unchanged', () => {
    for (const entry of defaultCatalog) {
      const result = catalogItemInputSchema.safeParse(entry);
      expect(result.success, `${entry.name}: ${result.error?.message ?? ''}`).toBe(true);
      // Parsing (trimming, stripping the id) leaves every field as written.
      expect({ ...result.data, id: entry.id }).toEqual(entry);
    }
  });

  it('has valid, unique ids that match the shipped ones in table order', () => {
    const ids = defaultCatalog.map((entry) => entry.id);
    for (const id of ids) expect(z.uuid().safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(defaultCatalog.map((entry) => [entry.name, entry.id])).toEqual(shippedIds);
  });

  it('has the rows of the domain table per stage, numbered 10, 20, 30… and active', () => {
    const counts = Object.fromEntries(
      stages.map((stage) => [stage, defaultCatalogByStage(stage).length]),
    );
    expect(counts).toEqual({
      landPlanning: 10,
      engineeringPermit: 5,
      constructionPermit: 7,
      completion: 8,
    });
    expect(defaultCatalog).toHaveLength(30);
    for (const stage of stages) {
      const entries = defaultCatalogByStage(stage);
      expect(entries.map((entry) => entry.sortOrder)).toEqual(
        entries.map((_, index) => (index + 1) * 10),
      );
    }
    expect(defaultCatalog.every((entry) => entry.active)).toBe(true);
    // Stages come in process order in the flat list too.
    const stageOrder = defaultCatalog.map((entry) => stages.indexOf(entry.stage));
    expect(stageOrder).toEqual([...stageOrder].sort((a, b) => a - b));
  });

  it('returns a stage in catalog order without touching the catalog', () => {
    const engineering = defaultCatalogByStage('engineeringPermit');
    expect(engineering.map((entry) => entry.name)).toEqual([
      '设计方案审查（总平面）',
      '建设工程规划许可证',
      '防空地下室建设审批/易地建设',
      '水电气热通信报装',
      '占用挖掘道路/占绿迁树',
    ]);
    engineering.reverse();
    expect(defaultCatalogByStage('engineeringPermit')[0]?.name).toBe('设计方案审查（总平面）');
  });

  it('plans against the local promise when both a statutory and a local limit exist', () => {
    const planning = byName('建设工程规划许可证');
    expect(planning.stage).toBe('engineeringPermit');
    expect(planning.department).toBe('自然资源和规划');
    expect(planning.timeLimit).toEqual({ days: 10, unit: 'working' });
    expect(planning.limitNote).toContain('法定 20 个工作日');

    const permit = byName('建筑工程施工许可证（可分阶段）');
    expect(permit.stage).toBe('constructionPermit');
    expect(permit.timeLimit).toEqual({ days: 3, unit: 'working' });
    expect(permit.limitNote).toContain('法定 7 日');

    expect(byName('环境影响评价审批（报告书/报告表）').timeLimit).toEqual({
      days: 15,
      unit: 'working',
    });
    expect(byName('城镇污水排入排水管网许可').timeLimit).toEqual({ days: 10, unit: 'working' });
  });

  it('keeps statutory limits, extensions in the note, and calendar days where the law says days', () => {
    const approval = byName('企业投资项目核准（目录内项目）');
    expect(approval.timeLimit).toEqual({ days: 20, unit: 'working' });
    expect(approval.limitNote).toBe('法定 20 个工作日，可延长 10 个工作日');
    expect(approval.departmentLevel).toBe('city');

    expect(byName('竣工验收备案').timeLimit).toEqual({ days: 15, unit: 'calendar' });
    expect(byName('施工图联合审查').timeLimit).toEqual({ days: 15, unit: 'working' });
    expect(byName('施工图联合审查').department).toBe('住建+审图机构');
    expect(byName('建设项目用地预审与选址意见书').timeLimit).toEqual({
      days: 20,
      unit: 'working',
    });
  });

  it('has no limit for milestones, varying items and unverified items without a number', () => {
    const land = byName('土地出让成交/出让合同');
    expect(land.timeLimit).toBeNull();
    expect(byName('施工/监理发包与合同备案').timeLimit).toBeNull();
    for (const name of ['人防工程竣工验收备案', '雷电防护装置竣工验收']) {
      expect(byName(name).timeLimit).toBeNull();
      expect(byName(name).limitNote).toBe('时限待核实');
    }
  });

  it('marks unverified limits as such', () => {
    for (const name of ['不动产权证（土地）', '节能审查', '高压供电接入', '不动产首次登记']) {
      expect(byName(name).limitNote).toContain('时限待核实');
    }
  });

  it('splits key materials into separate items', () => {
    expect(byName('建设项目用地预审与选址意见书').materials).toEqual([
      '申请表',
      '立项文件',
      '用地坐标',
      '位置图',
    ]);
    expect(byName('竣工验收备案').materials).toEqual(['竣工验收报告', '规划/消防认可文件']);
    for (const entry of defaultCatalog) {
      expect(entry.materials.length).toBeGreaterThan(0);
      for (const material of entry.materials) expect(material).not.toMatch(/[;；]/);
    }
  });
});
