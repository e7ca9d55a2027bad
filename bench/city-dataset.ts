import { defaultCatalog, type DefaultCatalogEntry } from '../shared/catalog/default-catalog';
import type { ApprovalItem, HandlingMode, ItemStatus } from '../shared/domain/approval-item';
import type { CatalogItem } from '../shared/domain/catalog-item';
import type { HandlingStep, StepKind } from '../shared/domain/handling-step';
import type { HelperAgent } from '../shared/domain/helper-agent';
import type { MissingItem, MissingItemStatus } from '../shared/domain/missing-item';
import type { EscalationLevel, Problem } from '../shared/domain/problem';
import type {
  KeyProject,
  LandStatus,
  ProjectCategory,
  ProjectLevel,
  ProjectStatus,
} from '../shared/domain/project';
import type { TableRecords } from '../shared/domain/records';
import { defaultTeamSettings, teamSettingsId, type TeamSettings } from '../shared/domain/settings';
import { stages, type Stage } from '../shared/domain/stages';
import * as words from './city-vocabulary';
import { seededRandom, type SeededRandom } from './seeded-random';

/**
 * The city dataset of the benchmark: a large district's 帮办代办 team after three years of work —
 * 2,000 key projects, 50,000 approval items, 10,000 missing items, 80,000 handling steps, ~60
 * helper-agents, ~3,000 problems, the default catalog and the team settings (142,000 rows in
 * the four big tables, as in the speed section of sync-design.md).
 *
 * Deterministic: the same seed and scale give byte-identical JSON, under Node and in Chromium,
 * ids included (v4-shaped UUIDs made of generator bytes). Every row satisfies the domain schemas
 * of shared/domain/records.ts, including the date rules (acceptedOn ≥ submittedOn ≥ …, the dates
 * each status needs, promised dates within the item's limit, next actions not before the step),
 * and only pure TypeScript is used, so the bench page can generate it in the browser.
 *
 * The story behind the dates: each project signs its power of attorney between January 2024 and
 * October 2026 and walks the four stages at its own pace; an item's status is what its own
 * timeline has reached on {@link cityDatasetAsOf} (or on the day a suspended or terminated
 * project stopped). So old projects are built and accepted, new ones are still at land planning,
 * and nothing is dated after the end of 2026.
 */
export type CityDatasetOptions = {
  seed: number;
  /** 1 = the city (2,000 projects); 0.01 = 20 projects and a hundredth of everything else. */
  scale?: number;
};

/** The day the dataset describes: statuses are what each timeline has reached by then. */
export const cityDatasetAsOf = '2026-11-30';

/** How many rows each generated table holds at a scale (exact for every table). */
export function cityDatasetCounts(scale = 1) {
  if (!(scale > 0) || scale > 100) throw new Error(`scale must be in (0, 100], got ${scale}`);
  const projects = Math.max(1, Math.round(2_000 * scale));
  return {
    projects,
    helperAgents: Math.max(3, Math.round(60 * scale)),
    approvalItems: Math.max(projects, Math.round(50_000 * scale)),
    missingItems: Math.round(10_000 * scale),
    handlingSteps: Math.round(80_000 * scale),
    problems: Math.round(3_000 * scale),
    catalogItems: defaultCatalog.length,
    holidaySchedules: 0,
    settings: 1,
    devices: 0,
  } satisfies Record<keyof TableRecords, number>;
}

/** Row total over every table. */
export function countRows(dataset: TableRecords): number {
  return Object.values(dataset).reduce((sum, rows) => sum + rows.length, 0);
}

export function generateCityDataset({ seed, scale = 1 }: CityDatasetOptions): TableRecords {
  return new CityGenerator(seededRandom(seed), cityDatasetCounts(scale)).generate();
}

// ---------------------------------------------------------------------------------------------
// Days are integers (days since 1970-01-01) while generating, written as 'yyyy-MM-dd' at the end.

const msPerDay = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / msPerDay;
const firstCachedDay = dayOf('2023-01-01');
const isoCache = Array.from({ length: 5 * 366 }, (_, offset) =>
  new Date((firstCachedDay + offset) * msPerDay).toISOString().slice(0, 10),
);
function iso(day: number): string {
  return isoCache[day - firstCachedDay] ?? new Date(day * msPerDay).toISOString().slice(0, 10);
}
const twoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

const asOf = dayOf(cityDatasetAsOf);
const firstStart = dayOf('2024-01-15');
const lastStart = dayOf('2026-10-31');
/** No date of the dataset lies after this, not even promised or planned ones. */
const lastDay = dayOf('2026-12-31');
const teamSetUp = dayOf('2024-01-02');

/** Share of rows soft-deleted in each table of the team's own records. */
const deletedShare = 0.01;

type Counts = ReturnType<typeof cityDatasetCounts>;

type ProjectPlan = {
  record: KeyProject;
  /** The day this project's story stops: the dataset's day, or when it was suspended. */
  until: number;
  start: number;
  agentNames: string[];
  contact: string;
  items: ApprovalItem[];
  /** Per item: the catalog materials it needs (for missing items and steps). */
  materials: Map<string, readonly string[]>;
};

/** The limits in calendar days an item of this limit typically takes at most. */
function typicalSpan(limit: ApprovalItem['timeLimit']): number {
  if (!limit) return 30;
  return limit.unit === 'working' ? Math.ceil(limit.days * 1.4) : limit.days;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * Splits a total into parts proportional to the weights, exactly: floor of each share, then the
 * remainder one by one to random parts of non-zero weight.
 */
function spread(random: SeededRandom, total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('spread needs a positive weight');
  const counts = weights.map((weight) => Math.floor((total * weight) / sum));
  let rest = total - counts.reduce((a, b) => a + b, 0);
  while (rest > 0) {
    const index = random.int(0, weights.length - 1);
    if ((weights[index] as number) > 0) {
      counts[index] = (counts[index] as number) + 1;
      rest--;
    }
  }
  return counts;
}

class CityGenerator {
  private readonly rows: TableRecords = {
    projects: [],
    helperAgents: [],
    approvalItems: [],
    missingItems: [],
    handlingSteps: [],
    problems: [],
    catalogItems: [],
    holidaySchedules: [],
    settings: [],
    devices: [],
  };
  private readonly plans: ProjectPlan[] = [];
  private readonly projectNames = new Set<string>();

  constructor(
    private readonly random: SeededRandom,
    private readonly counts: Counts,
  ) {}

  generate(): TableRecords {
    this.catalogAndSettings();
    this.helperAgents();
    const itemCounts = spread(
      this.random,
      this.counts.approvalItems,
      Array.from({ length: this.counts.projects }, () => this.random.int(70, 125)),
    );
    for (const itemCount of itemCounts) this.project(itemCount);
    this.missingItems();
    this.handlingSteps();
    this.problems();
    return this.rows;
  }

  // --- small helpers ---------------------------------------------------------------------------

  private between(from: number, to: number): number {
    return to <= from ? from : this.random.int(from, to);
  }

  /** A time on a working day's office hours, Beijing time, written in UTC. */
  private stamp(day: number): string {
    const r = this.random;
    return `${iso(day)}T${twoDigits[r.int(0, 9)]}:${twoDigits[r.int(0, 59)]}:${twoDigits[r.int(0, 59)]}.${String(r.int(0, 999)).padStart(3, '0')}Z`;
  }

  private meta(createdDay: number, lastEditDay: number) {
    const created = Math.min(createdDay, asOf);
    const updated = this.between(created, Math.min(Math.max(lastEditDay, created), asOf));
    let createdAt = this.stamp(created);
    let updatedAt = this.stamp(updated);
    if (updatedAt < createdAt) [createdAt, updatedAt] = [updatedAt, createdAt];
    return { createdAt, updatedAt, deleted: this.random.chance(deletedShare) };
  }

  private personName(): string {
    return this.random.pick(words.surnames) + this.random.pick(words.givenNames);
  }

  private mobile(): string {
    const r = this.random;
    return `1${r.pick(['3', '5', '8', '9'])}${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
  }

  // --- tables ----------------------------------------------------------------------------------

  private catalogAndSettings() {
    const seededAt = `${iso(teamSetUp)}T01:00:00.000Z`;
    const meta = { createdAt: seededAt, updatedAt: seededAt, deleted: false };
    this.rows.catalogItems = defaultCatalog.map((entry): CatalogItem => ({
      ...entry,
      materials: [...entry.materials],
      ...meta,
    }));
    const settings: TeamSettings = { id: teamSettingsId, ...defaultTeamSettings, ...meta };
    this.rows.settings = [settings];
  }

  private helperAgents() {
    const names = new Set<string>();
    for (let index = 0; index < this.counts.helperAgents; index++) {
      let name = this.personName();
      while (names.has(name)) name = this.personName();
      names.add(name);
      const agent: HelperAgent = {
        id: this.random.uuid(),
        name,
        unit: this.random.pick(words.agentUnits),
        phone: this.mobile(),
        active: this.random.chance(0.93),
        ...this.meta(this.between(teamSetUp, teamSetUp + 60), asOf),
      };
      this.rows.helperAgents.push(agent);
    }
  }

  private projectName(category: ProjectCategory): string {
    const r = this.random;
    for (let attempt = 0; ; attempt++) {
      const kind = r.pick(words.projectKinds[category]);
      const middle =
        category === 'industry' || (category === 'other' && r.chance(0.5))
          ? r.pick(words.industries)
          : category === 'commerce' && r.chance(0.5)
            ? r.pick(words.brands)
            : '';
      const name = `${r.pick(words.places)}${middle}${kind}${r.pick(words.phases)}`;
      const unique = attempt < 20 ? name : `${name}（${attempt}）`;
      if (!this.projectNames.has(unique)) {
        this.projectNames.add(unique);
        return unique;
      }
    }
  }

  private company(category: ProjectCategory, publicOwner: boolean): string {
    const r = this.random;
    if (publicOwner) return r.pick(words.publicOwners);
    const suffix = r.chance(0.7) ? '有限公司' : r.chance(0.6) ? '股份有限公司' : '集团有限公司';
    return `${r.pick(words.regions)}${r.pick(words.brands)}${r.pick(words.businesses[category])}${suffix}`;
  }

  private project(itemCount: number) {
    const r = this.random;
    const category = r.pick<ProjectCategory>([
      'industry',
      'industry',
      'industry',
      'industry',
      'commerce',
      'commerce',
      'infrastructure',
      'social',
      'social',
      'realEstate',
      'agriculture',
      'other',
    ]);
    const publicOwner = category === 'infrastructure' || (category === 'social' && r.chance(0.85));
    const level: ProjectLevel = r.chance(0.1) ? 'province' : r.chance(0.33) ? 'city' : 'district';
    const start = r.int(firstStart, lastStart);

    // The story stops early for suspended and terminated projects.
    const stopped: ProjectStatus | null = r.chance(0.03)
      ? 'suspended'
      : r.chance(0.01)
        ? 'terminated'
        : null;
    const until = stopped ? this.between(start + 20, asOf) : asOf;

    // Stage windows: [start of stage, its length in days]; stages overlap a little (并联).
    const startOnLandDeal = category === 'industry' && r.chance(0.12);
    const landWithDesign = !startOnLandDeal && !publicOwner && r.chance(0.1);
    const stage1Length = r.int(45, 160);
    const landDeal = start + Math.floor(stage1Length * (0.4 + r.float() * 0.3));
    let stage2Start: number;
    let stage3Start: number;
    let permit: number;
    if (startOnLandDeal) {
      // 拿地即开工: pre-review during the land-sale publicity, permits within days of the deal.
      stage2Start = Math.max(start, landDeal - r.int(25, 40));
      stage3Start = Math.max(start, landDeal - r.int(10, 20));
      permit = landDeal + r.int(1, 4);
    } else {
      stage2Start = start + stage1Length - r.int(0, 20);
      const stage2Length = landWithDesign ? r.int(10, 30) : r.int(30, 100);
      stage3Start = stage2Start + stage2Length - r.int(0, 10);
      permit = stage3Start + r.int(25, 90);
    }
    const worksStart = permit + r.int(0, startOnLandDeal ? 2 : 30);
    const stage4Start = worksStart + r.int(240, 720);
    const completion = stage4Start + r.int(30, 100);
    const windows: Record<Stage, [number, number]> = {
      landPlanning: [start, stage1Length],
      engineeringPermit: [stage2Start, Math.max(10, stage3Start - stage2Start + 10)],
      constructionPermit: [stage3Start, Math.max(5, permit - stage3Start)],
      completion: [stage4Start, completion - stage4Start],
    };

    let landStatus: LandStatus;
    let landDealOn: string | null = null;
    let landDeliveredOn: string | null = null;
    if (publicOwner) {
      landStatus = 'allocated';
      const allocated = landDeal + r.int(0, 30);
      if (allocated <= until) landDeliveredOn = iso(allocated);
    } else if (landDeal > until) {
      landStatus = landDeal - until <= 40 ? 'listing' : 'none';
    } else {
      landDealOn = iso(landDeal);
      const delivered = landDeal + r.int(10, 60);
      landStatus = delivered <= until ? 'delivered' : 'sold';
      if (delivered <= until) landDeliveredOn = iso(delivered);
    }

    const status: ProjectStatus =
      stopped ?? (completion <= until ? 'completed' : worksStart <= until ? 'started' : 'active');

    const agentIds = this.rows.helperAgents.map((agent) => agent.id);
    const firstAgent = r.int(0, agentIds.length - 1);
    const agentIndexes = r.chance(0.3)
      ? [firstAgent, (firstAgent + r.int(1, agentIds.length - 1)) % agentIds.length]
      : [firstAgent];
    const agents = agentIndexes.map((index) => this.rows.helperAgents[index] as HelperAgent);

    const attorneyStages = r.chance(0.6)
      ? [...stages]
      : r.chance(0.7)
        ? stages.slice(0, 3)
        : stages.slice(0, 2);
    const contact = this.personName();
    const investment =
      category === 'industry' || category === 'realEstate'
        ? r.int(1, 60) * 5_000
        : r.chance(0.2)
          ? r.int(300, 5_000)
          : r.int(5, 200) * 1_000;
    const code = `${iso(start).slice(0, 4)}-320115-${r.int(10, 99)}-0${r.int(1, 3)}-${String(r.int(0, 999_999)).padStart(6, '0')}`;

    const record: KeyProject = {
      id: r.uuid(),
      name: this.projectName(category),
      code: r.chance(0.95) ? code : '',
      ownerCompany: this.company(category, publicOwner),
      ownerContact: contact,
      ownerPhone: this.mobile(),
      category,
      level,
      totalInvestment: r.chance(0.97) ? investment : null,
      site: `${r.pick(words.places)}${r.pick(words.roads)}以${r.pick(['东', '西', '南', '北'])}、${r.pick(words.roads)}以${r.pick(['东', '西', '南', '北'])}地块`,
      landStatus,
      landDealOn,
      landDeliveredOn,
      constructionPermitOn: permit <= until ? iso(permit) : null,
      worksStartOn: worksStart <= until ? iso(worksStart) : null,
      completedOn: completion <= until ? iso(completion) : null,
      startOnLandDeal,
      landWithDesign,
      helperAgentIds: agentIndexes.map((index) => agentIds[index] as string),
      leaderInCharge: r.chance(0.8) ? `${this.personName()}（${r.pick(words.leaderTitles)}）` : '',
      attorneySignedOn: iso(start),
      attorneyStages,
      status,
      notes: r.chance(0.15) ? r.pick(words.projectNotes) : '',
      ...this.meta(start - r.int(0, 10), until),
    };
    this.rows.projects.push(record);

    const plan: ProjectPlan = {
      record,
      until,
      start,
      agentNames: agents.map((agent) => agent.name),
      contact,
      items: [],
      materials: new Map(),
    };
    this.approvalItems(plan, itemCount, publicOwner, windows, { landDeal, permit });
    this.plans.push(plan);
  }

  private approvalItems(
    plan: ProjectPlan,
    itemCount: number,
    publicOwner: boolean,
    windows: Record<Stage, [number, number]>,
    fixed: { landDeal: number; permit: number },
  ) {
    const r = this.random;
    // Government projects take 项目建议书; companies take 赋码/备案 and, for listed ones, 核准.
    const available = defaultCatalog.filter((entry) =>
      publicOwner
        ? !entry.name.startsWith('项目赋码') && !entry.name.startsWith('企业投资项目核准')
        : !entry.name.startsWith('政府投资项目'),
    );
    const handTyped = Math.max(itemCount - available.length, r.chance(0.08) ? 1 : 0);
    const fromCatalog = Math.max(0, itemCount - handTyped);
    // A random subset of the catalog, kept in catalog order.
    const indexes = available.map((_, index) => index);
    for (let i = 0; i < fromCatalog; i++) {
      const j = r.int(i, indexes.length - 1);
      [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
    }
    const chosen: (DefaultCatalogEntry | (typeof words.handTypedItems)[number])[] = indexes
      .slice(0, fromCatalog)
      .sort((a, b) => a - b)
      .map((index) => available[index] as DefaultCatalogEntry);
    for (let i = 0; i < itemCount - fromCatalog; i++) chosen.push(r.pick(words.handTypedItems));
    chosen.sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage));

    const createdDay = plan.start;
    chosen.forEach((entry, position) => {
      const isCatalog = 'id' in entry;
      const timeLimit = isCatalog
        ? entry.timeLimit
        : entry.days === null
          ? null
          : { days: entry.days, unit: 'working' as const };
      const [windowStart, windowLength] = windows[entry.stage];
      let submit = windowStart + r.int(0, Math.floor(windowLength * 0.5));
      // Most files are accepted on the day; some go back for corrections (补正) first.
      const acceptDelay = r.float();
      let accept =
        submit + (acceptDelay < 0.6 ? 0 : acceptDelay < 0.9 ? r.int(1, 5) : r.int(6, 40));
      let complete = accept + r.int(timeLimit ? 1 : 0, typicalSpan(timeLimit));
      // Some run over their limit, a few are stuck for months (the cases the team chases).
      const overrun = r.float();
      if (overrun < 0.08) complete += r.int(5, 30);
      else if (overrun < 0.13) complete += r.int(31, 150);
      if (entry.name.startsWith('土地出让成交')) {
        submit = Math.max(plan.start, fixed.landDeal - r.int(20, 30));
        accept = this.between(submit, fixed.landDeal);
        complete = fixed.landDeal;
      } else if (entry.name.startsWith('建筑工程施工许可证')) {
        complete = fixed.permit;
        accept = complete - r.int(0, 3);
        submit = accept - r.int(0, 2);
      }

      const until = plan.until;
      let status: ItemStatus;
      let submittedOn: string | null = null;
      let acceptedOn: string | null = null;
      let completedOn: string | null = null;
      if (r.chance(0.03) && !entry.name.startsWith('建筑工程施工许可证')) {
        status = 'notRequired';
      } else if (submit > until) {
        status = submit - until <= 60 && r.chance(0.6) ? 'preparing' : 'notStarted';
      } else if (accept > until) {
        status = r.chance(0.15) ? 'returned' : 'submitted';
        submittedOn = iso(submit);
      } else if (complete > until) {
        status = r.chance(0.7) ? 'reviewing' : 'accepted';
        submittedOn = iso(submit);
        acceptedOn = iso(accept);
      } else {
        status = r.chance(0.015) ? 'refused' : 'approved';
        submittedOn = iso(submit);
        acceptedOn = iso(accept);
        completedOn = iso(complete);
      }

      const pausedIntervals: ApprovalItem['pausedIntervals'] = [];
      const reviewEnd = completedOn ? complete : until;
      if (acceptedOn && reviewEnd - accept >= 6 && r.chance(0.06)) {
        const from = accept + r.int(1, Math.floor((reviewEnd - accept) / 2));
        const open = status === 'reviewing' && r.chance(0.5);
        pausedIntervals.push({
          from: iso(from),
          to: open ? null : iso(this.between(from + 1, reviewEnd)),
          reason: r.pick(words.pauseReasons),
        });
      }

      const onCommitment = acceptedOn !== null && r.chance(0.05);
      const handlingMode: HandlingMode = onCommitment
        ? 'onCommitment'
        : r.chance(0.15)
          ? 'parallel'
          : 'regular';
      let commitmentCheck: ApprovalItem['commitmentCheck'] = null;
      if (onCommitment) {
        const dueOn = Math.min(accept + r.int(30, 90), lastDay);
        const checked = dueOn <= until && r.chance(0.8);
        const checkedOn = checked ? this.between(accept + 1, dueOn) : null;
        commitmentCheck = {
          dueOn: iso(dueOn),
          result: checked ? (r.chance(0.92) ? 'passed' : 'failed') : 'pending',
          checkedOn: checkedOn === null ? null : iso(checkedOn),
          notes: r.pick(words.commitmentNotes),
        };
      }

      const certificateNo =
        status === 'approved' && timeLimit
          ? `宁${entry.department.slice(0, 2)}〔${iso(complete).slice(0, 4)}〕${String(r.int(1, 2999)).padStart(4, '0')}号`
          : '';
      const lastEdit = completedOn
        ? complete
        : acceptedOn
          ? accept
          : submittedOn
            ? submit
            : createdDay;
      const item: ApprovalItem = {
        id: r.uuid(),
        projectId: plan.record.id,
        catalogItemId: isCatalog ? entry.id : null,
        stage: entry.stage,
        name: entry.name,
        department: entry.department,
        departmentLevel: entry.departmentLevel,
        handlingMode,
        status,
        pausedIntervals,
        submittedOn,
        acceptedOn,
        completedOn,
        timeLimit: timeLimit && { ...timeLimit },
        certificateNo,
        commitmentCheck,
        notes: r.chance(0.1) ? r.pick(words.itemNotes) : '',
        sortOrder: (position + 1) * 10 + (isCatalog ? entry.sortOrder / 1000 : 0),
        ...this.meta(createdDay, Math.min(lastEdit + r.int(0, 3), until)),
      };
      plan.items.push(item);
      plan.materials.set(item.id, isCatalog ? entry.materials : ['申请表']);
      this.rows.approvalItems.push(item);
    });
  }

  /**
   * 容缺受理: items accepted without some materials become 'missingAccepted' and get one to three
   * missing items each, until the table holds its exact count.
   */
  private missingItems() {
    const r = this.random;
    const candidates: { plan: ProjectPlan; item: ApprovalItem }[] = [];
    for (const plan of this.plans) {
      for (const item of plan.items) {
        if (item.acceptedOn && item.handlingMode !== 'onCommitment')
          candidates.push({ plan, item });
      }
    }
    let remaining = this.counts.missingItems;
    if (remaining > 0 && candidates.length === 0) throw new Error('no accepted item to attach to');
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const used = new Map<string, Set<string>>();
    for (let index = 0; remaining > 0; index = (index + 1) % candidates.length) {
      const { plan, item } = candidates[index]!;
      item.handlingMode = 'missingAccepted';
      const taken = used.get(item.id) ?? new Set<string>();
      used.set(item.id, taken);
      const count = Math.min(remaining, r.int(1, 3));
      for (let n = 0; n < count; n++) {
        this.missingItem(plan, item, taken);
        remaining--;
      }
    }
  }

  private missingItem(plan: ProjectPlan, item: ApprovalItem, taken: Set<string>) {
    const r = this.random;
    const accepted = dayOf(item.acceptedOn!);
    const own = plan.materials.get(item.id) ?? [];
    let material = r.chance(0.7) && own.length > 0 ? r.pick(own) : r.pick(words.extraMaterials);
    for (let attempt = 0; taken.has(material); attempt++) {
      material =
        attempt < 10
          ? r.pick(words.extraMaterials)
          : `${r.pick(words.extraMaterials)}（${attempt}）`;
    }
    taken.add(material);
    // Within the item's limit: N calendar days after acceptance never pass N working days.
    const limitDays = item.timeLimit ? Math.max(1, item.timeLimit.days) : 30;
    const promised = Math.min(accepted + r.int(1, limitDays), lastDay);
    const completed = item.completedOn ? dayOf(item.completedOn) : null;
    const until = plan.until;

    let status: MissingItemStatus;
    let supplied: number | null = null;
    if (completed !== null) {
      // The certificate is only issued once every missing item has arrived.
      status = r.chance(0.6) ? 'verified' : 'supplied';
      supplied = this.between(accepted, Math.min(promised, completed));
    } else if (promised < until) {
      status = r.chance(0.8)
        ? r.chance(0.5)
          ? 'verified'
          : 'supplied'
        : r.chance(0.75)
          ? 'pending'
          : 'returned';
      if (status === 'supplied' || status === 'verified') {
        supplied = this.between(
          accepted,
          Math.min(until, promised + (r.chance(0.1) ? r.int(1, 10) : 0)),
        );
      }
    } else {
      status = r.chance(0.6) ? 'pending' : 'supplied';
      if (status === 'supplied') supplied = this.between(accepted, until);
    }
    const record: MissingItem = {
      id: r.uuid(),
      projectId: plan.record.id,
      approvalItemId: item.id,
      material,
      supplier: r.chance(0.85) ? plan.record.ownerCompany : r.pick(words.departments),
      promisedOn: iso(promised),
      status,
      suppliedOn: supplied === null ? null : iso(supplied),
      notes: r.chance(0.3) ? r.pick(words.missingNotes) : '',
      ...this.meta(accepted, supplied ?? Math.min(until, promised)),
    };
    this.rows.missingItems.push(record);
  }

  /** Handling steps, spread over projects by how much has happened in each. */
  private handlingSteps() {
    const r = this.random;
    const weights = this.plans.map(
      (plan) => 1 + plan.items.filter((item) => item.submittedOn !== null).length,
    );
    const counts = spread(r, this.counts.handlingSteps, weights);
    this.plans.forEach((plan, index) => {
      const started = plan.items.filter((item) => item.submittedOn !== null);
      const steps: HandlingStep[] = [];
      for (let n = 0; n < (counts[index] as number); n++)
        steps.push(this.handlingStep(plan, started));
      steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
      this.rows.handlingSteps.push(...steps);
    });
  }

  private handlingStep(plan: ProjectPlan, started: ApprovalItem[]): HandlingStep {
    const r = this.random;
    const until = plan.until;
    const item = started.length > 0 && r.chance(0.8) ? r.pick(started) : null;
    let on: number;
    let kind: StepKind;
    if (item) {
      const submitted = dayOf(item.submittedOn!);
      const end = item.completedOn ? dayOf(item.completedOn) : until;
      on = this.between(Math.max(plan.start, submitted - 15), Math.min(end + 3, until));
      const completed = item.completedOn !== null && on >= dayOf(item.completedOn);
      kind =
        on < submitted
          ? r.pick<StepKind>(['consult', 'precheck', 'precheck'])
          : on === submitted
            ? 'submit'
            : completed
              ? r.pick<StepKind>(['collectCertificate', 'collectCertificate', 'other'])
              : r.pick<StepKind>(['coordinate', 'coordinate', 'siteVisit', 'meeting', 'other']);
    } else {
      on = this.between(plan.start, until);
      kind = r.pick<StepKind>(['consult', 'meeting', 'siteVisit', 'other']);
    }
    const values = {
      company: plan.record.ownerCompany,
      contact: plan.contact,
      item: item ? `《${item.name}》` : '项目前期手续',
      department: item ? item.department : r.pick(words.departments),
    };
    const hasNext = r.chance(0.8);
    const due = hasNext ? Math.min(on + r.int(1, 10), lastDay) : null;
    return {
      id: r.uuid(),
      projectId: plan.record.id,
      approvalItemId: item ? item.id : null,
      on: iso(on),
      by: r.pick(plan.agentNames),
      kind,
      summary: fill(r.pick(words.stepKindsText[kind]), values),
      nextAction: hasNext ? fill(r.pick(words.nextActions), values) : '',
      nextActionDueOn: due === null ? null : iso(due),
      nextActionDone: due !== null && due < until - 3 ? r.chance(0.95) : false,
      ...this.meta(on + r.int(0, 1), due ?? on),
    };
  }

  private problems() {
    const r = this.random;
    const weights = this.plans.map(() => (r.chance(0.45) ? 0 : r.int(1, 4)));
    if (!weights.some((weight) => weight > 0)) weights[0] = 1;
    const counts = spread(r, this.counts.problems, weights);
    this.plans.forEach((plan, index) => {
      for (let n = 0; n < (counts[index] as number); n++) {
        const raised = this.between(plan.start, plan.until);
        const resolved =
          plan.until - raised > 20 && r.chance(0.6) ? this.between(raised + 3, plan.until) : null;
        const item = plan.items.length > 0 ? r.pick(plan.items) : null;
        const title = r.pick(words.problemTitles);
        const problem: Problem = {
          id: r.uuid(),
          projectId: plan.record.id,
          title,
          description: item
            ? `${plan.record.name}${title}，影响《${item.name}》办理，企业请求协调`
            : `${plan.record.name}${title}`,
          responsibleDepartment: r.pick(words.departments),
          raisedOn: iso(raised),
          escalation: r.pick<EscalationLevel>([
            'agent',
            'agent',
            'bureau',
            'districtLeader',
            'city',
          ]),
          status: resolved !== null ? 'resolved' : r.chance(0.5) ? 'coordinating' : 'open',
          resolution: resolved !== null ? r.pick(words.resolutions) : '',
          resolvedOn: resolved === null ? null : iso(resolved),
          ...this.meta(raised, resolved ?? plan.until),
        };
        this.rows.problems.push(problem);
      }
    });
  }
}
