// A point picked on the map (a workshop's, a company's, a request's delivery place): latitude and
// longitude inside South Korea, or none.
import { z } from 'zod';
import { msg } from '$lib/msg';

export const latField = z
	.number({ error: msg('err_number') })
	.min(33, msg('err_lat_korea'))
	.max(39, msg('err_lat_korea'))
	.nullable();
export const lngField = z
	.number({ error: msg('err_number') })
	.min(124, msg('err_lng_korea'))
	.max(132, msg('err_lng_korea'))
	.nullable();
