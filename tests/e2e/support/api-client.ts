import type { CallInput, CallName, CallOutput } from '../../../api/contract';
import type { Result } from '../../../api/result';
import { postToHost, type Host } from './host';

/**
 * Calls to the browser host as one client, to arrange records without the interface: the session
 * cookie the host sets is sent back; a refused call throws.
 */
export class ApiClient {
  private cookie = '';

  constructor(private readonly host: Host) {}

  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const response = await postToHost(this.host, name, input, this.cookie || undefined);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const result = (await response.json()) as Result<CallOutput<N>>;
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }
}
