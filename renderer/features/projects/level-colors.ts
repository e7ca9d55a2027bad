import type { ProjectLevel } from '../../../shared/domain/project';

export const levelColors: Record<ProjectLevel, string> = {
  province: 'red',
  city: 'orange',
  district: 'blue',
};
