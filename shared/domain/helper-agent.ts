import { z } from 'zod';
import { optionalText, recordMetaSchema, requiredText } from './common';

/** A helper-agent (代办员), seconded to the team from a town or department (派出单位). */
export const helperAgentInputSchema = z.object({
  name: requiredText(50),
  unit: optionalText(100),
  phone: optionalText(40),
  active: z.boolean(),
});
export type HelperAgentInput = z.infer<typeof helperAgentInputSchema>;

export const helperAgentSchema = helperAgentInputSchema.extend(recordMetaSchema.shape);
export type HelperAgent = z.infer<typeof helperAgentSchema>;
