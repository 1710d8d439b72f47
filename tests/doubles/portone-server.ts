// The PortOne double as a process, for the e2e journeys (a webServer in playwright.config.ts) and for
// trying PortOne payments by hand:
//   PORTONE_DOUBLE_PORT=12112 PORTONE_DOUBLE_WEBHOOK_URL=http://localhost:3000/api/webhooks/portone \
//   PORTONE_API_SECRET=… PORTONE_WEBHOOK_SECRET=whsec_… PORTONE_STORE_ID=… PORTONE_CHANNEL_KEY=… npx tsx tests/doubles/portone-server.ts
// then start the app with the same four PORTONE_* values and PORTONE_API_BASE=http://127.0.0.1:12112.
// The browser SDK's window is played by POST /__window/complete (see portone.ts). Payments live in memory.
import { startPortOneDouble } from './portone';

const port = Number(process.env.PORTONE_DOUBLE_PORT ?? 12112);
const double = await startPortOneDouble({
	port,
	webhookUrl: process.env.PORTONE_DOUBLE_WEBHOOK_URL,
	keys: {
		apiSecret: process.env.PORTONE_API_SECRET,
		webhookSecret: process.env.PORTONE_WEBHOOK_SECRET,
		storeId: process.env.PORTONE_STORE_ID,
		channelKey: process.env.PORTONE_CHANNEL_KEY
	}
});
console.log(`PortOne double → ${double.url} (webhooks to ${double.webhookUrl ?? 'nowhere'})`);
const stop = () => void double.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
