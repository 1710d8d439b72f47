// The request journey with two people at once: a startup posts a machine-metal request with a drawing
// and an NDA; a Mullae workshop finds it recommended, accepts the NDA, opens the drawing and quotes;
// the startup asks for a revision, the workshop revises, the startup accepts; both then talk in their
// conversation, each seeing the other's message arrive without reloading, and the owner's access log
// shows the workshop opened the drawing.
import { postRequest } from './helpers';
import { expect, signInAs, test } from './world';

test('a startup and a Mullae workshop agree on a quote and talk live', async ({ browser, world }) => {
	test.setTimeout(180_000);
	const owner = await world.startup();
	const company = await world.company(owner, 'g-valley');
	const craftsman = await world.craftsman();
	const shop = await world.workshop({
		cluster: 'mullae-machine-metal',
		owner: craftsman,
		processes: ['CNC 밀링', '선반', '아노다이징'],
		materials: ['알루미늄 6061']
	});
	const startupContext = await browser.newContext({ locale: 'ko-KR' });
	const workshopContext = await browser.newContext({ locale: 'ko-KR' });
	const startup = await startupContext.newPage();
	const workshop = await workshopContext.newPage();
	const title = `알루미늄 브래킷 시제품 ${Date.now().toString(36)}`;

	// The startup posts the request with its drawing and NDA.
	await signInAs(startup, owner);
	const id = await postRequest(startup, title);

	// A Mullae machining shop sees it recommended, accepts the NDA and opens the drawing.
	await signInAs(workshop, craftsman);
	const recommended = workshop.getByRole('region', { name: '추천 의뢰' });
	await recommended.getByRole('link', { name: title }).click();
	await expect(workshop).toHaveURL(new RegExp(`/requests/${id}$`));
	await expect(workshop.getByText('도면과 사양은 이 견적과 제작에만 쓰고')).toBeVisible();
	await workshop.getByRole('button', { name: '동의합니다' }).click();
	const drawing = workshop.getByRole('link', { name: /bracket-drawing\.pdf/ });
	await expect(drawing).toBeVisible();
	const opened = await workshop.request.get(`${await drawing.getAttribute('href')}`);
	expect(opened.status()).toBe(200);
	expect((await opened.body()).subarray(0, 8).toString()).toBe('%PDF-1.4');

	// It sends a quote.
	await workshop.getByRole('link', { name: '견적 보기/보내기' }).first().click();
	await expect(workshop.getByRole('heading', { name: '견적 보내기' })).toBeVisible();
	await workshop.getByLabel('견적가 (원)').fill('2,400,000');
	await workshop.getByLabel('계약금 (원)').fill('800,000');
	await workshop.getByLabel('납기 (일)').fill('14');
	await workshop.getByLabel('메모 (재질, 공정, 조건)').fill('6061-T6 소재 포함, 블랙 아노다이징 포함.');
	await workshop.getByRole('button', { name: '견적 보내기' }).click();
	await expect(workshop.getByText('견적을 보냈습니다.')).toBeVisible();

	// The startup asks for a revision, saying what should change.
	await startup.goto(`/requests/${id}/quotes`);
	const quote = startup.getByRole('article', { name: shop.name });
	await expect(quote.getByText('₩2,400,000')).toBeVisible();
	await quote.getByRole('button', { name: '수정 요청' }).click();
	await quote.getByRole('button', { name: '수정 요청 보내기' }).click();
	await expect(quote.getByText('무엇을 바꾸면 좋을지 적어 주세요')).toBeVisible();
	await quote.getByLabel('무엇을 바꾸면 좋을까요?').fill('단가를 2,200,000원으로 맞춰 주실 수 있을까요?');
	await quote.getByRole('button', { name: '수정 요청 보내기' }).click();
	await expect(startup.getByText('수정 요청을 보냈습니다.')).toBeVisible();
	await expect(quote.getByText('수정 요청됨')).toBeVisible();

	// The workshop revises: the form is filled with the current terms and the request is shown.
	await workshop.reload();
	await expect(workshop.getByText('단가를 2,200,000원으로 맞춰 주실 수 있을까요?')).toBeVisible();
	await expect(workshop.getByLabel('견적가 (원)')).toHaveValue('2,400,000');
	await workshop.getByLabel('견적가 (원)').fill('2,200,000');
	await workshop.getByRole('button', { name: '수정한 견적 보내기' }).click();
	await expect(workshop.getByText('수정한 견적을 보냈습니다.')).toBeVisible();
	await expect(workshop.getByText('2차 견적', { exact: true })).toBeVisible();

	// The startup accepts, after confirming that the other quotes close.
	await startup.reload();
	await expect(quote.getByText('₩2,200,000')).toBeVisible();
	await quote.getByRole('button', { name: '수락', exact: true }).click();
	const dialog = startup.getByRole('dialog', { name: '이 견적을 수락할까요?' });
	await expect(dialog.getByText('다른 견적은 모두 마감됩니다')).toBeVisible();
	await dialog.getByRole('button', { name: '수락 확정' }).click();
	await expect(startup.getByText('견적을 수락했습니다.')).toBeVisible();
	await expect(quote.getByText('수락됨')).toBeVisible();

	// Both open their conversation and see the accepted quote there.
	await quote.getByRole('link', { name: /대화하기/ }).click();
	await expect(startup.getByRole('heading', { name: `대화 상대: ${shop.name}` })).toBeVisible();
	await workshop.goto(`/requests/${id}/quotes`);
	await expect(workshop.getByText('축하합니다! 견적이 수락되었습니다.')).toBeVisible();
	await workshop.getByRole('link', { name: '의뢰자와 대화' }).click();
	await expect(workshop.getByRole('heading', { name: `대화 상대: ${company.name}` })).toBeVisible();
	for (const page of [startup, workshop]) {
		await expect(page.getByRole('link', { name: /₩2,200,000.*수락됨/ })).toBeVisible();
	}

	// Messages each way appear on the other side without a reload (Enter sends; the button too).
	const startupLog = startup.getByRole('list', { name: '대화 내용' });
	const workshopLog = workshop.getByRole('list', { name: '대화 내용' });
	await startup.getByLabel('메시지').fill('견적 수락했습니다. 샘플 일정 알려 주세요.');
	await startup.getByLabel('메시지').press('Enter');
	await expect(startupLog.getByText('견적 수락했습니다. 샘플 일정 알려 주세요.')).toBeVisible();
	await expect(workshopLog.getByText('견적 수락했습니다. 샘플 일정 알려 주세요.')).toBeVisible({ timeout: 15_000 });
	await workshop.getByLabel('메시지').fill('다음 주 화요일에 샘플 1개 보내드리겠습니다.');
	await workshop.getByRole('button', { name: '보내기' }).click();
	await expect(startupLog.getByText('다음 주 화요일에 샘플 1개 보내드리겠습니다.')).toBeVisible({ timeout: 15_000 });
	await expect(startup.getByLabel('메시지')).toHaveValue('');

	// The owner's access log shows who opened the drawing.
	await startup.goto(`/requests/${id}`);
	const log = startup.getByRole('region', { name: '열람 기록' });
	await expect(log.getByRole('row', { name: new RegExp(`${shop.name}.*bracket-drawing\\.pdf`) })).toBeVisible();

	// The workshop was told in its notifications, with a link back to its quote.
	await workshop.goto('/notifications');
	await workshop.getByRole('link', { name: `「${title}」 견적이 수락되었습니다.` }).click();
	await expect(workshop).toHaveURL(new RegExp(`/requests/${id}/quotes`));

	await startupContext.close();
	await workshopContext.close();
});
