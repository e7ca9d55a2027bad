import type { z } from 'zod';
import { bridgeMethods, type BridgeMethod } from '../shared/ipc/contract';
import { isTrustedSender, type IpcSender } from './app-url';

export type IpcArgument<M extends BridgeMethod> = z.output<(typeof bridgeMethods)[M]['request']>;

export type IpcAuthorization<M extends BridgeMethod> =
  | { ok: true; argument: IpcArgument<M> }
  | { ok: false; reason: 'untrusted-sender' | 'invalid-argument'; message: string };

/**
 * Every bridge call passes here before its handler runs: first who sent it (the app's own top
 * frame only), then what it carries (the method's schema from the contract). The handler gets
 * the parsed argument, never the raw one.
 */
export function authorizeIpcCall<M extends BridgeMethod>(
  method: M,
  sender: IpcSender,
  argument: unknown,
): IpcAuthorization<M> {
  const { channel, request } = bridgeMethods[method];
  if (!isTrustedSender(sender)) {
    return {
      ok: false,
      reason: 'untrusted-sender',
      message: `${channel}: refused, the sender is not the app's own page`,
    };
  }
  const parsed = request.safeParse(argument);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-argument', message: `${channel}: invalid argument` };
  }
  return { ok: true, argument: parsed.data as IpcArgument<M> };
}
