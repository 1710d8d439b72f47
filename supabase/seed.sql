-- Sogong Link (소공링크) seed data: designated trades, the four SE craftsman clusters and the eight
-- startup/IT clusters they team up with, demo accounts, 50 workshops with their cluster memberships,
-- 12 startups and IT firms, and a few deals between them (orders in several states, an open request).
--
-- Runs once on an empty, migrated database: by the app (seedIfEmpty, inside its own transaction, on the
-- embedded Postgres with supabase/shims/supabase.sql) and by `supabase db reset` on a real Supabase
-- project. It has no begin/commit of its own, so each runner decides the transaction; nothing in it
-- needs to run outside one.
--
-- Demo accounts, all with the password sogong-demo-1234:
--   operator@sogong.link                                   operator
--   manager.jongno@sogong.link, manager.seongsu@sogong.link,
--   manager.mullae@sogong.link, manager.cheongju@sogong.link   one manager per craft cluster
--   craftsman1..4@sogong.link                              own one workshop each (Jongno, Seongsu, Mullae, Cheongju)
--   startup1..3@sogong.link                                own one company each
--
-- Fixed UUIDs, so tests and docs can refer to rows:
--   00000000-0000-4000-8000-00000000c001..c004   craft clusters   (jongno, seongsu, mullae, cheongju)
--   00000000-0000-4000-8000-00000000c101..c108   startup/IT clusters
--   00000000-0000-4000-8000-000000000a00         operator;  ...a01..a04 managers (same order as clusters)
--   00000000-0000-4000-8000-000000000b01..b04    craftsmen; ...e01..e03 startups
--   00000000-0000-4000-8000-00000000f101..f413   workshops (cluster digit, then number)
--   00000000-0000-4000-8000-00000000d001..d012   companies
--   00000000-0000-4000-8000-0000000a1001..a1005  requests of the demo deals (four orders, one open request)
--
-- Business registration numbers are fictitious but carry a valid check digit (public.is_valid_brn);
-- the first three digits are one tax-office code per district, the middle two say sole proprietor
-- (01-79) or company (81, 86). One old one-man ironworks has none on file. Company websites are
-- placeholders under example.com, so the demo never links to a real site.
-- Employees: most workshops have fewer than 10 (craftsmen, eligible for SE support); geumseong-casting,
-- gukje-mold and uam-package have 10 or more.

-- ---------------------------------------------------------------- designated trades (KSIC, division C10-C33)
insert into public.trades (ksic_code, name_ko, name_en) values
  ('1071', '떡, 빵 및 과자류 제조업', 'Manufacture of bakery products, rice cakes and confectionery'),
  ('131', '방적 및 가공사 제조업', 'Spinning of textiles and processing of yarns'),
  ('134', '섬유제품 염색, 정리 및 마무리 가공업', 'Dyeing and finishing of textiles and wearing apparel'),
  ('141', '봉제의복 제조업', 'Manufacture of sewn wearing apparel, except fur apparel'),
  ('151', '가죽, 가방 및 유사 제품 제조업', 'Manufacture of leather, luggage, handbags and similar articles'),
  ('152', '신발 및 신발 부분품 제조업', 'Manufacture of footwear and parts of footwear'),
  ('162', '나무제품 제조업', 'Manufacture of products of wood'),
  ('172', '골판지, 종이 상자 및 종이 용기 제조업', 'Manufacture of corrugated paper, paper boxes and paper containers'),
  ('181', '인쇄 및 인쇄관련 산업', 'Printing and service activities related to printing'),
  ('222', '플라스틱 제품 제조업', 'Manufacture of plastic products'),
  ('232', '내화, 비내화 요업제품 제조업', 'Manufacture of refractory and non-refractory ceramic products'),
  ('25', '금속 가공제품 제조업; 기계 및 가구 제외', 'Manufacture of fabricated metal products, except machinery and furniture'),
  ('2511', '구조용 금속제품 제조업', 'Manufacture of structural metal products'),
  ('259', '기타 금속 가공제품 제조업', 'Manufacture of other fabricated metal products; metalworking service activities'),
  ('29', '기타 기계 및 장비 제조업', 'Manufacture of other machinery and equipment'),
  ('320', '가구 제조업', 'Manufacture of furniture'),
  ('3311', '귀금속 및 관련제품 제조업', 'Manufacture of jewellery and related articles of precious metal'),
  ('3312', '모조 귀금속 및 모조 장신용품 제조업', 'Manufacture of imitation jewellery and related articles'),
  ('3320', '악기 제조업', 'Manufacture of musical instruments');

-- ---------------------------------------------------------------- clusters
-- The four SE craftsman clusters designated in 2017, then the startup/IT clusters nearby (approximate centres).
insert into public.clusters
  (id, slug, kind, name_ko, name_en, specialty_ko, specialty_en, trade_code,
   region_ko, region_en, district_ko, district_en, district_kind, lat, lng, description_ko, description_en)
values
  ('00000000-0000-4000-8000-00000000c001', 'jongno-jewelry', 'craft', '종로 주얼리 집적지', 'Jongno Jewelry Cluster', '귀금속·주얼리', 'Jewelry and precious metal', '3311',
   '서울특별시', 'Seoul', '종로구', 'Jongno-gu', 'district', 37.5714, 126.9918,
   '종로3가, 봉익동, 묘동 일대에 귀금속 공방이 모인 국내 최대의 주얼리 집적지입니다. 원형, 주조, 세팅, 연마, 도금, 각인이 몇 골목 안에서 분업으로 이어집니다.',
   'Korea''s largest jewelry district, around Jongno 3-ga, Bongik-dong and Myo-dong: model-making, casting, setting, polishing, plating and engraving pass from shop to shop within a few alleys.'),
  ('00000000-0000-4000-8000-00000000c002', 'seongsu-handmade-shoes', 'craft', '성수 수제화 집적지', 'Seongsu Handmade Shoe Cluster', '수제화·가죽', 'Handmade shoes and leather', '152',
   '서울특별시', 'Seoul', '성동구', 'Seongdong-gu', 'district', 37.5446, 127.0557,
   '성수동 일대에 수제화 공방과 가죽·부자재 업체가 모인 수제화 집적지입니다. 패턴, 재단, 제갑, 저부 공정을 이웃 공방들이 나눠 맡습니다.',
   'Handmade-shoe workshops and leather and component suppliers around Seongsu-dong; pattern-making, cutting, closing and bottoming are shared out between neighbouring shops.'),
  ('00000000-0000-4000-8000-00000000c003', 'mullae-machine-metal', 'craft', '문래 기계금속 집적지', 'Mullae Machine-Metal Cluster', '기계부품·금속가공', 'Machine parts and metalworking', '25',
   '서울특별시', 'Seoul', '영등포구', 'Yeongdeungpo-gu', 'district', 37.5176, 126.8947,
   '문래동 철공소 골목에 선반, 밀링, 용접, 판금, 열처리 공장이 모인 기계금속 집적지입니다. 도면 한 장이 골목 몇 곳을 거치면 부품이 되어 나옵니다.',
   'The machine-metal alleys of Mullae-dong, where turning, milling, welding, sheet-metal and heat-treatment shops sit side by side: a drawing becomes a part after a walk down a few alleys.'),
  ('00000000-0000-4000-8000-00000000c004', 'cheongju-printing', 'craft', '청주 인쇄 집적지', 'Cheongju Printing Cluster', '인쇄·제본·패키지', 'Printing, binding and packaging', '181',
   '충청북도', 'North Chungcheong Province', '청주시', 'Cheongju-si', 'district', 36.6424, 127.489,
   '현존하는 가장 오래된 금속활자본 직지의 도시 청주 도심에 인쇄, 제판, 제본, 후가공, 패키지 업체가 모인 집적지입니다. 서울에서 남쪽으로 약 110km, 오창·오송 산업단지와 가깝습니다.',
   'Printers, plate-makers, binders, finishers and packaging makers in central Cheongju, the city of the Jikji, the oldest extant book printed with movable metal type. About 110 km south of Seoul, close to the Ochang and Osong complexes.'),
  ('00000000-0000-4000-8000-00000000c101', 'seongsu-social-venture-valley', 'startup', '성수 소셜벤처밸리', 'Seongsu Social Venture Valley', '소셜벤처·임팩트 스타트업', 'Social ventures and impact startups', null,
   '서울특별시', 'Seoul', '성동구', 'Seongdong-gu', 'district', 37.5447, 127.0557,
   '성수동에 소셜벤처, 임팩트 투자사, 공유 오피스가 모인 곳입니다. 성수 수제화 집적지와 같은 동네에 있습니다.',
   'Social ventures, impact investors and shared offices in Seongsu-dong, in the same streets as the handmade-shoe cluster.'),
  ('00000000-0000-4000-8000-00000000c102', 'seoul-startup-hub', 'startup', '서울창업허브', 'Seoul Startup Hub', '창업 보육·지원', 'Startup incubation and support', null,
   '서울특별시', 'Seoul', '마포구', 'Mapo-gu', 'district', 37.5446, 126.9516,
   '공덕동에 있는 서울시의 창업 지원 거점입니다. 초기 스타트업이 입주하고 투자 연계와 보육 프로그램이 열립니다.',
   'Seoul''s startup support hub in Gongdeok-dong, home to early-stage startups, investor meetings and incubation programmes.'),
  ('00000000-0000-4000-8000-00000000c103', 'g-valley', 'startup', 'G밸리 (서울디지털산업단지)', 'G-Valley (Seoul Digital Industrial Complex)', 'IT·전자·하드웨어', 'IT, electronics and hardware', null,
   '서울특별시', 'Seoul', '구로구', 'Guro-gu', 'district', 37.4849, 126.8965,
   '구로·가산디지털단지의 지식산업센터에 IT, 전자, 하드웨어 기업이 모여 있습니다. 문래 기계금속 집적지에서 가장 가까운 IT 단지입니다.',
   'IT, electronics and hardware firms in the knowledge-industry towers of Guro and Gasan Digital Complex; the IT cluster nearest to Mullae.'),
  ('00000000-0000-4000-8000-00000000c104', 'teheran-valley', 'startup', '테헤란밸리', 'Teheran Valley', 'IT·소프트웨어·벤처투자', 'IT, software and venture capital', null,
   '서울특별시', 'Seoul', '강남구', 'Gangnam-gu', 'district', 37.5006, 127.0364,
   '강남 테헤란로를 따라 IT 기업과 벤처캐피털, 스타트업이 모인 곳입니다.',
   'IT companies, venture capital and startups along Teheran-ro in Gangnam.'),
  ('00000000-0000-4000-8000-00000000c105', 'dongdaemun-design', 'startup', '동대문 디자인·패션', 'Dongdaemun Design & Fashion', '패션·디자인', 'Fashion and design', null,
   '서울특별시', 'Seoul', '중구', 'Jung-gu', 'district', 37.5667, 127.0095,
   '동대문디자인플라자와 패션 도매상가를 중심으로 디자이너 브랜드와 패션 스타트업이 모여 있습니다. 종로 주얼리, 성수 수제화 집적지와 가깝습니다.',
   'Designer labels and fashion startups around Dongdaemun Design Plaza and the wholesale fashion markets, close to the Jongno and Seongsu clusters.'),
  ('00000000-0000-4000-8000-00000000c106', 'pangyo-techno-valley', 'startup', '판교테크노밸리', 'Pangyo Techno Valley', 'IT·게임·바이오', 'IT, games and biotech', null,
   '경기도', 'Gyeonggi Province', '성남시', 'Seongnam-si', 'district', 37.4019, 127.1086,
   '성남시 판교에 IT, 게임, 바이오 기업과 연구소가 모인 기술 단지입니다.',
   'A technology park in Pangyo, Seongnam, with IT, game and biotech companies and research labs.'),
  ('00000000-0000-4000-8000-00000000c107', 'ochang', 'startup', '오창과학산업단지', 'Ochang Science Industrial Complex', '이차전지·반도체·전자부품', 'Batteries, semiconductors and electronic parts', null,
   '충청북도', 'North Chungcheong Province', '청주시', 'Cheongju-si', 'district', 36.717, 127.43,
   '청주 오창의 과학산업단지로 이차전지, 반도체, 전자 부품 기업이 모여 있습니다. 청주 인쇄 집적지에서 차로 20분 거리입니다.',
   'A science and industrial complex in Ochang, Cheongju, with battery, semiconductor and electronic-component makers, twenty minutes by car from the printing cluster.'),
  ('00000000-0000-4000-8000-00000000c108', 'osong', 'startup', '오송 바이오헬스 클러스터', 'Osong Bio-Health Cluster', '바이오·의약·헬스케어', 'Biotech, pharmaceuticals and healthcare', null,
   '충청북도', 'North Chungcheong Province', '청주시', 'Cheongju-si', 'district', 36.627, 127.329,
   '청주 오송의 생명과학단지로 바이오·의약·식품 기업과 보건의료 국책기관이 모여 있습니다.',
   'The life-science complex of Osong, Cheongju: biotech, pharmaceutical and food companies alongside national health agencies.');

-- ---------------------------------------------------------------- accounts
-- The on_auth_user_created trigger gives every account a profile (role craftsman or startup from the
-- metadata, startup otherwise); managers and the operator are appointed just below.
insert into auth.users
  (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
   raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', a.id, 'authenticated', 'authenticated', a.email,
       extensions.crypt('sogong-demo-1234', extensions.gen_salt('bf')), now(),
       '{"provider":"email","providers":["email"]}'::jsonb,
       jsonb_strip_nulls(jsonb_build_object('role', a.role, 'display_name', a.display_name)), now(), now()
from (values
  ('00000000-0000-4000-8000-000000000a00'::uuid, 'operator@sogong.link', null, '소공링크 운영팀'),
  ('00000000-0000-4000-8000-000000000a01'::uuid, 'manager.jongno@sogong.link', null, '한소영 (종로 주얼리 지원센터)'),
  ('00000000-0000-4000-8000-000000000a02'::uuid, 'manager.seongsu@sogong.link', null, '김태윤 (성수 수제화 지원센터)'),
  ('00000000-0000-4000-8000-000000000a03'::uuid, 'manager.mullae@sogong.link', null, '박정민 (문래 기계금속 지원센터)'),
  ('00000000-0000-4000-8000-000000000a04'::uuid, 'manager.cheongju@sogong.link', null, '윤서진 (청주 인쇄 지원센터)'),
  ('00000000-0000-4000-8000-000000000b01'::uuid, 'craftsman1@sogong.link', 'craftsman', '김명호 (명가주얼리)'),
  ('00000000-0000-4000-8000-000000000b02'::uuid, 'craftsman2@sogong.link', 'craftsman', '유창수 (가죽장인 슈즈)'),
  ('00000000-0000-4000-8000-000000000b03'::uuid, 'craftsman3@sogong.link', 'craftsman', '이대성 (대성정밀)'),
  ('00000000-0000-4000-8000-000000000b04'::uuid, 'craftsman4@sogong.link', 'craftsman', '정은숙 (직지인쇄)'),
  ('00000000-0000-4000-8000-000000000e01'::uuid, 'startup1@sogong.link', 'startup', '오지훈 (메탈웨어랩)'),
  ('00000000-0000-4000-8000-000000000e02'::uuid, 'startup2@sogong.link', 'startup', '서하린 (모먼트주얼리)'),
  ('00000000-0000-4000-8000-000000000e03'::uuid, 'startup3@sogong.link', 'startup', '최민재 (그린테이블푸드)')
) as a (id, email, role, display_name);

update public.profiles set role = 'operator' where id = '00000000-0000-4000-8000-000000000a00';
update public.profiles set role = 'manager' where id in ('00000000-0000-4000-8000-000000000a01', '00000000-0000-4000-8000-000000000a02', '00000000-0000-4000-8000-000000000a03', '00000000-0000-4000-8000-000000000a04');

insert into public.cluster_managers (cluster_id, user_id) values
  ('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-000000000a01'),
  ('00000000-0000-4000-8000-00000000c002', '00000000-0000-4000-8000-000000000a02'),
  ('00000000-0000-4000-8000-00000000c003', '00000000-0000-4000-8000-000000000a03'),
  ('00000000-0000-4000-8000-00000000c004', '00000000-0000-4000-8000-000000000a04');

-- Supabase Auth signs in with email through auth.identities and cannot read NULL token columns;
-- the shim has neither, so this part only runs on a real Supabase project (EXECUTE keeps it parseable).
do $$
declare
  col text;
begin
  if to_regclass('auth.identities') is not null then
    execute $sql$
      insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
      select gen_random_uuid(), u.id, u.id::text, 'email',
             jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
             now(), now(), now()
      from auth.users u
      where u.email like '%@sogong.link'
        and not exists (select 1 from auth.identities i where i.user_id = u.id and i.provider = 'email')
    $sql$;
    for col in
      select column_name from information_schema.columns
      where table_schema = 'auth' and table_name = 'users'
        and column_name in ('confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change')
    loop
      execute format('update auth.users set %I = '''' where %I is null and email like ''%%@sogong.link''', col, col);
    end loop;
  end if;
end $$;

-- ---------------------------------------------------------------- workshops
-- Each craftsman account owns one workshop; the rest have no owner: members a cluster manager keeps on
-- their behalf (many craftsmen are not online). Coordinates are scattered around the cluster centre.
insert into public.workshops
  (id, owner_id, slug, name_ko, name_en, trade_code, employees, business_registration_number,
   address_ko, district_ko, lat, lng, description_ko, description_en, processes, equipment, materials,
   certifications, min_order_units, lead_time_days, monthly_capacity_units, accepting_orders, verified, featured)
values
  -- jongno-jewelry
  ('00000000-0000-4000-8000-00000000f101', '00000000-0000-4000-8000-000000000b01', 'myungga-jewelry', '명가주얼리', 'Myungga Jewelry', '3311', 6, '101-27-32966',
   '서울특별시 종로구 돈화문로11가길 24, 3층 (봉익동)', '종로구', 37.57568, 126.989231,
   '1988년 봉익동에서 문을 연 2대째 금세공방입니다. 웨딩 밴드와 주문 제작 반지를 원형 조각부터 주조, 세팅, 마무리 연마까지 한 공방에서 책임지며, 주얼리 브랜드의 OEM 소량 생산도 받습니다.',
   'A second-generation goldsmith in Bongik-dong since 1988. Wedding bands and made-to-order rings from wax carving through casting, setting and final polish under one roof; small OEM runs for jewellery brands welcome.',
   array['왁스 조각', '주조', '연마', '세팅', '각인', '로듐 도금'],
   array['진공 주조기', '레이저 용접기', '초음파 세척기', '폴리싱 모터', '세팅 현미경'],
   array['18K 금', '14K 금', '백금(Pt950)', '천연 다이아몬드', '랩그로운 다이아몬드'],
   array['귀금속가공기능장', '우수숙련기술자'], 1, 14, 300, true, true, true),
  ('00000000-0000-4000-8000-00000000f102', null, 'geumseong-casting', '금성주물', 'Geumseong Casting', '3311', 11, '101-81-22010',
   '서울특별시 종로구 수표로28길 17, 지하 1층 (익선동)', '종로구', 37.568324, 126.988531,
   '종로 귀금속 공방들의 주물을 도맡아 온 주조 전문 업체입니다. 고무틀 제작과 왁스 사출, 진공·원심 주조로 하루 2천 개 이상의 원형을 뽑아내며 금, 은, 백금을 모두 다룹니다.',
   'The casting house behind many Jongno jewellers: rubber moulds, wax injection and vacuum or centrifugal casting in gold, silver and platinum, more than two thousand pieces a day.',
   array['고무틀 제작', '왁스 사출', '진공 주조', '원심 주조', '탕도 절단'],
   array['진공 가압 주조기', '원심 주조기', '왁스 인젝터', '전기 소성로', '고무 가류기'],
   array['14K·18K 금', '925 은', '백금', '황동'],
   array['ISO 9001'], 10, 3, 40000, true, true, false),
  ('00000000-0000-4000-8000-00000000f103', null, 'eunha-silver', '은하세공', null, '3311', 3, '101-09-36691',
   '서울특별시 종로구 돈화문로 40-1, 2층 (묘동)', '종로구', 37.571617, 126.987122,
   '925 은을 손으로 두드려 반지, 팔찌, 펜던트를 만드는 실버 세공방입니다. 샘플 제작과 50개 안팎의 소량 생산에 강하고, 산화(블랙) 마감 같은 빈티지 표현을 잘합니다.',
   '',
   array['단조(두드림)', '판재 세공', '납땜', '연마', '산화 처리'],
   array['토치', '롤링 밀', '드로우 벤치', '바렐 연마기'],
   array['925 은', '순은(999)', '동'],
   '{}'::text[], 1, 10, 400, true, false, false),
  ('00000000-0000-4000-8000-00000000f104', null, 'daon-setting', '다온보석세팅', 'Daon Stone Setting', '3311', 2, '101-13-87765',
   '서울특별시 종로구 돈화문로11다길 8, 4층 (봉익동)', '종로구', 37.573522, 126.993502,
   '현미경 세팅만 20년 해 온 물림 전문 공방입니다. 파베, 채널, 프롱, 베젤 세팅을 하며 0.8mm 멜레 다이아몬드까지 다룹니다. 다른 공방과 브랜드의 세팅 외주를 받습니다.',
   'Microscope stone setting for twenty years: pavé, channel, prong and bezel, down to 0.8 mm melee diamonds. Setting subcontracted for other workshops and brands.',
   array['프롱 세팅', '파베 세팅', '채널 세팅', '베젤 세팅', '밀그레인'],
   array['세팅 현미경', '공압 조각기', '볼 바이스'],
   array['천연 다이아몬드', '큐빅 지르코니아', '사파이어·루비 등 유색석'],
   array['귀금속가공기능사', '보석감정사'], 1, 5, 1500, true, true, false),
  ('00000000-0000-4000-8000-00000000f105', null, 'jeongwoo-engraving', '정우각인', null, '3311', 2, '101-05-85364',
   '서울특별시 종로구 종로 173, 3층 (종로4가)', '종로구', 37.570944, 126.987972,
   '반지 안쪽 이니셜부터 커플 문구, 브랜드 로고까지 수각인과 파이버 레이저 각인을 함께 하는 각인 전문점입니다. 당일 작업이 많습니다.',
   '',
   array['레이저 각인', '수각인', '로고 각인', '헤어라인'],
   array['파이버 레이저 각인기', '수각인 조각칼 세트', '회전 지그'],
   array['금', '은', '백금', '티타늄'],
   '{}'::text[], 1, 1, 3000, true, false, false),
  ('00000000-0000-4000-8000-00000000f106', null, 'hanbit-plating', '한빛도금', 'Hanbit Plating', '3311', 4, '101-31-42710',
   '서울특별시 종로구 돈화문로11나길 15, 지하 1층 (봉익동)', '종로구', 37.568659, 126.991543,
   '주얼리 전문 도금 공장입니다. 로듐, 옐로·로즈 금도금, 블랙 로듐 부분 도금을 하며 니켈 프리 공정으로 금속 알레르기 걱정을 줄였습니다.',
   'Jewellery plating: rhodium, yellow and rose gold, selective black rhodium, on a nickel-free line.',
   array['로듐 도금', '금도금', '부분 도금', '전해 탈지'],
   array['정류기', '로듐·금 도금조', '초음파 세척기', '스팀 세척기'],
   array['로듐', '금 도금액', '925 은', '황동'],
   '{}'::text[], 10, 2, 20000, true, true, false),
  ('00000000-0000-4000-8000-00000000f107', null, 'yedam-jewelry-cad', '예담주얼리캐드', 'Yedam Jewelry CAD', '3311', 4, '101-18-86529',
   '서울특별시 종로구 삼일대로 428, 5층 (낙원동)', '종로구', 37.569649, 126.989759,
   '주얼리 3D 모델링과 3D 왁스·레진 원형 출력을 하는 디자인 공방입니다. 스케치 한 장으로 렌더링과 출력 원형을 3일 안에 만들어 드리고, 종로 주물·세팅 공방과 바로 연결해 드립니다.',
   'Jewellery CAD and 3D-printed wax and resin models. From a sketch to a rendering and a printed model in three days, handed straight to Jongno casters and setters.',
   array['주얼리 CAD 모델링', '렌더링', '3D 왁스 프린팅', '레진 원형 출력'],
   array['DLP 3D 프린터', '왁스 3D 프린터', 'Rhino·MatrixGold'],
   array['캐스터블 레진', '3D 프린팅 왁스'],
   '{}'::text[], 1, 3, 600, true, true, false),
  ('00000000-0000-4000-8000-00000000f108', null, 'bongik-chain', '봉익체인', null, '3311', 8, '101-22-72871',
   '서울특별시 종로구 돈화문로11가길 39 (봉익동)', '종로구', 37.571481, 126.996836,
   '금·은 체인을 자동 체인기로 뽑고 손으로 마감하는 체인 전문 공장입니다. 앵커, 베네치안, 볼 체인 등 40여 종을 갖추고 길이와 두께 맞춤 주문을 받습니다.',
   '',
   array['체인 제조', '납땜', '절단·조립', '연마', '잠금장치 조립'],
   array['자동 체인기', '전기 납땜로', '다이아몬드 컷팅기'],
   array['14K·18K 금', '925 은'],
   '{}'::text[], 20, 7, 8000, true, false, false),
  ('00000000-0000-4000-8000-00000000f109', null, 'luce-accessory', '루체액세서리', 'Luce Accessory', '3312', 5, '101-36-26262',
   '서울특별시 종로구 종로 125, 4층 (종로3가)', '종로구', 37.57386, 126.992795,
   '황동과 925 은에 도금을 입힌 패션 주얼리를 만드는 공방입니다. 온라인 브랜드의 시즌 컬렉션을 100~1,000개 단위로 생산하고 포장까지 맞춰 드립니다.',
   'Fashion jewellery in plated brass and sterling silver. Seasonal collections for online brands in runs of 100 to 1,000, packed to order.',
   array['주조', '프레스 타발', '도금', '조립', '포장'],
   array['프레스기', '진동 바렐기', '도금 라인(협력)'],
   array['황동', '925 은', '담수 진주', '크리스털'],
   '{}'::text[], 100, 21, 5000, true, true, false),
  ('00000000-0000-4000-8000-00000000f110', null, 'garak-chilbo', '가락칠보공방', null, '3311', 3, '101-11-84110',
   '서울특별시 종로구 율곡로 116, 2층 (와룡동)', '종로구', 37.572982, 126.997813,
   '전통 칠보 기법으로 브로치, 노리개, 펜던트를 만드는 공방입니다. 기관 기념품과 외국 손님 선물용 전통 장신구 주문 제작을 많이 합니다.',
   '',
   array['칠보 소성', '은선 칠보', '금속 성형', '연마'],
   array['칠보 가마', '전기로', '줄·정 공구'],
   array['칠보 유약', '은', '동', '금박'],
   array['우수숙련기술자'], 10, 20, 500, false, false, false),
  ('00000000-0000-4000-8000-00000000f111', null, 'gwangchae-polishing', '광채연마', null, '3311', 2, '101-07-45895',
   '서울특별시 종로구 돈화문로11다길 20, 2층 (봉익동)', '종로구', 37.575535, 126.99045,
   '주조 뒤 거친 면을 다듬는 연마·광택 전문 공방입니다. 경면 광택, 헤어라인, 샌드블라스트 무광 마감을 하고 급한 물량은 당일 처리합니다.',
   '',
   array['초벌 연마', '경면 광택', '헤어라인', '샌드블라스트'],
   array['폴리싱 모터', '바렐 연마기', '샌드블라스터', '자력 연마기'],
   array['금', '은', '백금'],
   '{}'::text[], 10, 2, 6000, true, false, false),
  ('00000000-0000-4000-8000-00000000f112', null, 'hangyeol-jewelry', '한결주얼리', 'Hangyeol Jewelry', '3311', 9, '101-86-74605',
   '서울특별시 종로구 돈화문로 52, 6층 (묘동)', '종로구', 37.575808, 126.994768,
   '예물과 브라이덜 컬렉션을 디자인부터 생산까지 하는 주얼리 제조사입니다. 대한민국 명장이 직접 원형을 잡고, 백화점·브랜드 납품 경험이 많아 품질 기준서와 검수 보고서를 함께 드립니다.',
   'Bridal jewellery designed and made in house, with models carved by a Korea Master Craftsman. A long-time supplier to department stores and brands, delivering with a quality specification and inspection report.',
   array['디자인', '원형 조각', '주조', '세팅', '연마', '검수'],
   array['레이저 용접기', '진공 주조기', '3D 프린터', 'XRF 순도 분석기'],
   array['18K 금', '백금(Pt950)', '천연 다이아몬드', '유색석'],
   array['대한민국 명장', 'ISO 9001'], 5, 21, 800, true, true, true),
  ('00000000-0000-4000-8000-00000000f113', null, 'mirim-pearl', '미림진주', null, '3311', 3, '101-15-12220',
   '서울특별시 종로구 돈화문로 28, 3층 (묘동)', '종로구', 37.574355, 126.994431,
   '진주 목걸이 엮음과 실크 매듭, 진주 귀걸이 조립을 하는 진주 전문 공방입니다. 아코야·담수 진주를 직접 고르고, 오래된 진주 목걸이 재작업도 합니다.',
   '',
   array['진주 선별', '실크 매듭 엮음', '조립', '재작업(리스트링)'],
   array['진주 드릴', '매듭 공구', '진주 게이지'],
   array['아코야 진주', '담수 진주', '남양 진주', '14K 금 부품'],
   '{}'::text[], 1, 7, 400, true, false, false),
  -- seongsu-handmade-shoes
  ('00000000-0000-4000-8000-00000000f201', '00000000-0000-4000-8000-000000000b02', 'gajuk-jangin-shoes', '가죽장인 슈즈', 'Gajuk Jangin Shoes', '152', 7, '206-21-42791',
   '서울특별시 성동구 성수이로 113, 2층 (성수동2가)', '성동구', 37.546962, 127.05508,
   '성수동에서 30년 넘게 남성 정장화를 만들어 온 수제화 공방입니다. 패턴부터 재단, 제갑, 저부 작업까지 직접 하고 굿이어 웰트와 맥케이 제법을 모두 합니다. 브랜드 OEM은 30족부터 받습니다.',
   'Men''s dress shoes made in Seongsu for over thirty years, from pattern, cutting and closing to lasting and bottoming; Goodyear-welted and Blake-stitched. Brand OEM from 30 pairs.',
   array['패턴', '재단', '제갑', '저부작업', '굿이어 웰트', '맥케이 제법', '광내기 마감'],
   array['라스트(구두골) 300족', '포스트 재봉기', '피할기', '창 압착기', '피니싱 머신'],
   array['이탈리아산 카프 가죽', '국내산 소가죽', '스웨이드', '가죽창', '고무창'],
   array['우수숙련기술자', '백년소공인'], 1, 21, 400, true, true, true),
  ('00000000-0000-4000-8000-00000000f202', null, 'seongsu-jegap', '성수제갑', null, '152', 5, '206-08-63900',
   '서울특별시 성동구 연무장길 41, 3층 (성수동2가)', '성동구', 37.547073, 127.055487,
   '구두 갑피를 재봉하는 제갑 전문 공장입니다. 재단된 가죽을 받아 피할, 접기, 재봉, 안감 작업까지 마쳐 저부 공장으로 넘기며 하루 80족 안팎을 처리합니다.',
   '',
   array['피할', '접기', '갑피 재봉', '안감 작업', '아일렛'],
   array['포스트 재봉기 6대', '평 재봉기', '피할기', '아일렛 프레스'],
   array['소가죽', '양가죽', '돈피 안감'],
   '{}'::text[], 20, 7, 1600, true, true, false),
  ('00000000-0000-4000-8000-00000000f203', null, 'hansung-jeobu', '한성저부', null, '152', 4, '206-14-10160',
   '서울특별시 성동구 성수이로7길 27, 지하 1층 (성수동2가)', '성동구', 37.546265, 127.053131,
   '제갑을 마친 갑피를 구두골에 씌워 창을 붙이는 저부 작업 전문 공방입니다. 시멘트 제법과 맥케이 제법을 하고 굽 교체, 창갈이 같은 수선 물량도 받습니다.',
   '',
   array['골씌우기(라스팅)', '창 부착', '시멘트 제법', '맥케이 제법', '굽 작업'],
   array['토 라스팅기', '맥케이 재봉기', '창 압착기', '굽 못박기 기계'],
   array['가죽창', '고무창', 'TPR창', '목굽'],
   '{}'::text[], 10, 5, 1200, true, false, false),
  ('00000000-0000-4000-8000-00000000f204', null, 'mido-shoes', '미도수제화', 'Mido Handmade Shoes', '152', 6, '206-19-61209',
   '서울특별시 성동구 아차산로 95, 2층 (성수동2가)', '성동구', 37.545697, 127.059794,
   '여성 펌프스와 웨딩 슈즈, 발볼 넓은 맞춤 구두를 만드는 여성화 공방입니다. 굽 높이와 발볼을 한 켤레씩 맞추고 디자이너 브랜드의 샘플 제작을 많이 합니다.',
   'Women''s pumps, bridal shoes and wide-fit made-to-measure shoes. Heel height and width adjusted pair by pair; many sample runs for designer labels.',
   array['디자인 샘플', '패턴', '제갑', '저부작업', '굽 교체'],
   array['여성화 라스트 200족', '포스트 재봉기', '굽 부착기'],
   array['에나멜 가죽', '스웨이드', '새틴', '양가죽'],
   '{}'::text[], 1, 14, 300, true, true, false),
  ('00000000-0000-4000-8000-00000000f205', null, 'songrim-pattern', '송림패턴실', null, '152', 3, '206-03-14743',
   '서울특별시 성동구 성수일로 56, 4층 (성수동2가)', '성동구', 37.544339, 127.050233,
   '구두와 가방 패턴을 설계하고 첫 샘플을 만드는 패턴실입니다. 디자이너의 스케치를 사이즈별 패턴으로 그레이딩하고 CAD 파일로 넘겨 드립니다.',
   '',
   array['패턴 설계', '그레이딩', '샘플 제작', 'CAD 패턴'],
   array['패턴 CAD', '플로터 커팅기', '샘플용 라스트'],
   array['패턴지', '소가죽'],
   '{}'::text[], 1, 7, 120, true, false, false),
  ('00000000-0000-4000-8000-00000000f206', null, 'bareun-walk', '바른걸음제화', 'Bareun Walk', '152', 5, '206-25-33077',
   '서울특별시 성동구 성수이로 98 (성수동2가)', '성동구', 37.545689, 127.054326,
   '무지외반, 평발, 당뇨발처럼 기성화가 맞지 않는 분들을 위한 교정·맞춤 구두를 만듭니다. 발 본을 뜨고 맞춤 깔창을 넣어 한 켤레씩 제작합니다.',
   'Orthopaedic and made-to-measure shoes for bunions, flat feet and diabetic feet: each pair built on a cast of the foot, with a custom insole.',
   array['족형 채취', '맞춤 라스트 보정', '맞춤 깔창', '제갑', '저부작업'],
   array['3D 발 스캐너', '라스트 보정 그라인더', '진공 성형기'],
   array['소가죽', 'EVA 깔창', '코르크', '메모리폼'],
   '{}'::text[], 1, 20, 80, true, true, false),
  ('00000000-0000-4000-8000-00000000f207', null, 'sb-leather', '에스앤비레더', 'S&B Leather', '151', 6, '206-86-62331',
   '서울특별시 성동구 성수이로20길 16, 3층 (성수동2가)', '성동구', 37.548002, 127.057958,
   '가죽 가방과 지갑, 카드지갑을 만드는 가죽 소품 공장입니다. 베지터블 가죽 토트백부터 브랜드 로고 박 작업까지, 200개 이상 OEM 생산 경험이 많습니다.',
   'Leather bags, wallets and card cases, from vegetable-tanned totes to debossed brand logos, with long experience in OEM runs of 200 and up.',
   array['재단', '피할', '본딩', '재봉', '엣지 코트', '로고 박'],
   array['가죽 재단 프레스', '피할기', '포스트 재봉기', '박 프레스'],
   array['베지터블 가죽', '크롬 가죽', '스웨이드', '황동 장식'],
   '{}'::text[], 50, 25, 1500, true, true, false),
  ('00000000-0000-4000-8000-00000000f208', null, 'taeyang-shoes', '태양구두', 'Taeyang Shoes', '152', 8, '206-04-56610',
   '서울특별시 성동구 성수이로 51, 2층 (성수동2가)', '성동구', 37.546271, 127.051272,
   '1985년부터 성수동을 지켜 온 구두 공장입니다. 제화 부문 대한민국 명장이 이끌며, 기업·호텔 유니폼 구두와 의장용 구두 납품 경험이 많습니다.',
   'A Seongsu shoe factory since 1985, led by a Korea Master Craftsman in shoemaking; uniform shoes for companies and hotels, and ceremonial shoes.',
   array['패턴', '재단', '제갑', '저부작업', '굿이어 웰트', '납품 검수'],
   array['라스트 500족', '굿이어 웰팅기', '아웃솔 스티칭기', '피니싱 머신'],
   array['소가죽', '코도반', '가죽창', '고무창'],
   array['대한민국 명장', '백년소공인'], 50, 30, 600, true, true, true),
  ('00000000-0000-4000-8000-00000000f209', null, 'yeoreumnal-sandal', '여름날샌들', null, '152', 3, '206-29-24182',
   '서울특별시 성동구 연무장5길 9, 1층 (성수동2가)', '성동구', 37.547983, 127.059655,
   '가죽 샌들과 로퍼, 뮬을 만드는 젊은 공방입니다. 쇼룸을 겸하고 있어 소량 커스텀과 팝업용 한정 수량 생산을 자주 합니다.',
   '',
   array['재단', '손바느질', '시멘트 제법', '창 부착'],
   array['가죽 재단 프레스', '평 재봉기', '창 압착기'],
   array['베지터블 가죽', '코르크 창', '고무창'],
   '{}'::text[], 10, 14, 250, true, false, false),
  ('00000000-0000-4000-8000-00000000f210', null, 'brown-welt', '브라운웰트', 'Brown Welt', '152', 2, '206-31-49003',
   '서울특별시 성동구 성수일로4길 25, 지하 1층 (성수동1가)', '성동구', 37.540189, 127.053669,
   '비스포크 부츠와 핸드 웰트 구두를 만드는 2인 공방입니다. 웰트를 손으로 꿰매는 전통 방식이라 한 켤레에 6주 정도 걸립니다.',
   'A two-person studio for bespoke boots and hand-welted shoes. Welts are sewn by hand the traditional way, so a pair takes about six weeks.',
   array['비스포크 라스트', '핸드 웰트', '손바느질', '가죽창 마감'],
   array['맞춤 라스트', '송곳·바늘 등 손바느질 공구', '피니싱 머신'],
   array['독일산 카프', '코도반', '오크 바크 가죽창'],
   '{}'::text[], 1, 45, 12, true, false, false),
  ('00000000-0000-4000-8000-00000000f211', null, 'geumho-cutting', '금호재단', null, '152', 4, '206-10-12364',
   '서울특별시 성동구 광나루로 130, 1층 (성수동1가)', '성동구', 37.549098, 127.056938,
   '구두와 가방 가죽 재단을 대신해 주는 재단 전문 공장입니다. 패턴 파일을 받아 CNC 가죽 재단기로 바로 자르고, 칼판(목형) 재단도 합니다.',
   '',
   array['CNC 가죽 재단', '목형 재단', '가죽 선별', '피할'],
   array['CNC 가죽 재단기', '유압 재단 프레스', '피할기'],
   array['소가죽', '양가죽', '합성피혁'],
   '{}'::text[], 20, 3, 5000, true, true, false),
  ('00000000-0000-4000-8000-00000000f212', null, 'daewon-sole', '대원창가공', null, '152', 6, '206-17-23953',
   '서울특별시 성동구 성수이로 147, 1층 (성수동2가)', '성동구', 37.547261, 127.05529,
   '구두 밑창과 굽, 중창을 가공해 성수 공방들에 공급하는 창 가공 업체입니다. 가죽창 재단과 성형, 고무창 접착 가공, 굽 싸기를 합니다.',
   '',
   array['창 재단', '창 성형', '굽 싸기', '중창 가공'],
   array['창 성형 프레스', '밴드 나이프', '그라인더'],
   array['가죽창', '고무창', 'EVA', '목굽'],
   '{}'::text[], 50, 5, 10000, false, false, false),
  -- mullae-machine-metal
  ('00000000-0000-4000-8000-00000000f301', '00000000-0000-4000-8000-000000000b03', 'daesung-precision', '대성정밀', 'Daesung Precision', '259', 8, '107-23-18606',
   '서울특별시 영등포구 도림로 440, 1층 (문래동2가)', '영등포구', 37.516034, 126.890339,
   '문래동에서 25년째 CNC 선반과 머시닝센터로 정밀 부품을 깎는 공장입니다. 시제품 1개부터 양산 전 500개까지, 공차 ±0.01mm 가공과 3차원 측정 성적서를 드립니다.',
   'CNC turning and machining-centre work in Mullae for 25 years: from one-off prototypes to pre-production runs of 500, to ±0.01 mm, with CMM inspection reports.',
   array['CNC 선반', 'CNC 밀링', '머시닝센터 가공', '탭·드릴', '3차원 측정'],
   array['CNC 선반', '수직형 머시닝센터', '범용 밀링', '3차원 측정기(CMM)'],
   array['SUS304', '알루미늄 6061', 'S45C', '황동', 'POM'],
   array['컴퓨터응용선반기능사', 'ISO 9001'], 1, 7, 3000, true, true, true),
  ('00000000-0000-4000-8000-00000000f302', null, 'sinheung-welding', '신흥용접', null, '2511', 3, '107-09-78743',
   '서울특별시 영등포구 문래로 164, 1층 (문래동3가)', '영등포구', 37.518738, 126.889748,
   '알곤(TIG)과 CO2 용접으로 스테인리스 프레임, 난간, 장비 받침대를 만드는 용접 공장입니다. 현장 설치와 출장 용접도 합니다.',
   '',
   array['TIG 용접', 'CO2 용접', '절단', '사상', '현장 설치'],
   array['TIG 용접기', 'CO2 용접기', '플라즈마 절단기', '고속 절단기'],
   array['SUS304', 'SS275', '알루미늄'],
   array['특수용접기능사'], 1, 5, 200, true, true, false),
  ('00000000-0000-4000-8000-00000000f303', null, 'dongyang-sheet-metal', '동양판금', 'Dongyang Sheet Metal', '259', 9, '107-26-43241',
   '서울특별시 영등포구 경인로 775, 1층 (문래동3가)', '영등포구', 37.515651, 126.892368,
   '레이저 절단과 절곡, 용접으로 제어함, 장비 커버, 브래킷을 만드는 판금 공장입니다. 도면(DXF)만 보내 주시면 전개도를 잡아 견적을 드립니다.',
   'Laser cutting, bending and welding for control boxes, machine covers and brackets. Send a DXF and we unfold it and quote.',
   array['레이저 절단', '절곡', '판금 용접', '너트 압입', '분체도장 연계'],
   array['파이버 레이저 절단기 3kW', 'CNC 절곡기(프레스 브레이크)', '스폿 용접기'],
   array['SPCC', 'SUS304', '알루미늄 5052', '전기아연도금강판(SECC)'],
   array['ISO 9001'], 1, 7, 2500, true, true, false),
  ('00000000-0000-4000-8000-00000000f304', null, 'samhwa-machinery', '삼화기계', null, '29', 6, '107-12-17391',
   '서울특별시 영등포구 도림로 412, 1층 (문래동2가)', '영등포구', 37.515929, 126.889479,
   '소형 자동화 설비와 컨베이어, 지그를 설계·조립하고 오래된 기계를 고치는 기계 제작소입니다. 부품 가공은 문래 이웃 공장들과 나눠서 합니다.',
   '',
   array['기계 설계', '조립', '설비 수리', '지그 제작'],
   array['범용 선반', '범용 밀링', '레이디얼 드릴', '천장 크레인 2톤'],
   array['SS275', 'S45C', '알루미늄 프로파일'],
   array['기계가공기능장'], 1, 20, 15, false, false, false),
  ('00000000-0000-4000-8000-00000000f305', null, 'woojin-milling', '우진밀링', null, '259', 2, '107-05-77300',
   '서울특별시 영등포구 도림로139길 12 (문래동3가)', '영등포구', 37.520374, 126.897883,
   '범용 밀링과 소형 CNC 밀링으로 시제품과 수리용 부품을 깎는 2인 공장입니다. 급한 한두 개짜리 작업을 하루 이틀 안에 처리합니다.',
   '',
   array['범용 밀링', 'CNC 밀링', '키홈 가공', '탭'],
   array['범용 밀링 2대', '소형 CNC 밀링', '밴드 쏘'],
   array['알루미늄', 'S45C', 'SUS', 'MC 나일론'],
   array['컴퓨터응용밀링기능사'], 1, 2, 400, true, false, false),
  ('00000000-0000-4000-8000-00000000f306', null, 'hanil-grinding', '한일연마', 'Hanil Grinding', '259', 3, '107-16-36722',
   '서울특별시 영등포구 문래로20길 31 (문래동3가)', '영등포구', 37.520652, 126.895898,
   '평면·원통 연삭으로 금형 부품과 샤프트의 면과 외경을 마이크로미터 단위로 맞추는 연삭 전문 공장입니다.',
   'Surface and cylindrical grinding: mould plates and shafts brought to size within microns.',
   array['평면 연삭', '원통 연삭', '내경 연삭'],
   array['평면 연삭기', '원통 연삭기', '마이크로미터·하이트 게이지'],
   array['SKD11', 'SKD61', 'S45C', 'SUS'],
   '{}'::text[], 1, 4, 800, true, true, false),
  ('00000000-0000-4000-8000-00000000f307', null, 'jeil-heat-treatment', '제일열처리', null, '259', 4, '107-28-64366',
   '서울특별시 영등포구 경인로 763 (문래동1가)', '영등포구', 37.515068, 126.89573,
   '담금질, 뜨임, 고주파 열처리로 공구와 기계 부품의 경도를 맞추는 열처리 공장입니다. 경도 측정 성적서를 함께 드립니다.',
   '',
   array['담금질', '뜨임', '고주파 열처리', '진공 열처리'],
   array['진공 열처리로', '고주파 열처리기', '로크웰 경도계'],
   array['SKD11', 'SCM440', 'S45C'],
   '{}'::text[], 1, 3, 5000, true, true, false),
  ('00000000-0000-4000-8000-00000000f308', null, 'gukje-mold', '국제금형', 'Gukje Mold', '29', 14, '107-81-25617',
   '서울특별시 영등포구 도림로 383, 2층 (문래동1가)', '영등포구', 37.521873, 126.895391,
   '플라스틱 사출 금형과 프레스 금형을 설계·제작하는 금형 공장입니다. 와이어 방전기와 머시닝센터를 갖춰 금형 수정과 양산 사출 연계까지 합니다.',
   'Designs and builds plastic injection moulds and press tools, with wire EDM and machining centres in house; mould repairs and production moulding arranged.',
   array['금형 설계', '금형 가공', '방전 가공', '사출 시험'],
   array['머시닝센터 3대', '와이어 방전기', '형조 방전기'],
   array['NAK80', 'SKD61', 'S45C'],
   array['ISO 9001', '이노비즈'], 1, 45, 6, true, false, false),
  ('00000000-0000-4000-8000-00000000f309', null, 'yeongsin-ironworks', '영신철공소', null, '259', 1, null,
   '서울특별시 영등포구 도림로128가길 8 (문래동2가)', '영등포구', 37.515957, 126.891733,
   '1970년대부터 문래동 골목을 지켜 온 철공소입니다. 범용 선반 한 대로 샤프트, 부싱, 핀을 깎는데, 도면이 없어도 샘플만 있으면 똑같이 만들어 드립니다.',
   '',
   array['범용 선반', '나사 가공', '부싱·핀 제작'],
   array['범용 선반', '탁상 드릴', '양두 그라인더'],
   array['S45C', '황동', 'SUS'],
   '{}'::text[], 1, 3, 150, true, false, false),
  ('00000000-0000-4000-8000-00000000f310', null, 'hangang-wire-cut', '한강와이어컷팅', null, '259', 3, '107-19-42055',
   '서울특별시 영등포구 문래로 180, 1층 (문래동3가)', '영등포구', 37.514377, 126.891482,
   '와이어 방전(와이어 컷팅)과 세혈 방전으로 금형 부품, 펀치, 정밀 슬롯을 가공합니다. 두께 300mm까지 자를 수 있습니다.',
   '',
   array['와이어 방전', '세혈 방전', '형조 방전'],
   array['와이어 방전기 2대', '세혈 방전기', '형조 방전기'],
   array['SKD11', '초경', '구리', 'SUS'],
   '{}'::text[], 1, 4, 600, true, true, false),
  ('00000000-0000-4000-8000-00000000f311', null, 'mullae-makers', '문래메이커스', 'Mullae Makers', '2511', 4, '107-32-12827',
   '서울특별시 영등포구 문래로 157, 2층 (문래동3가)', '영등포구', 37.521512, 126.891917,
   '철공소 골목의 기술과 디자인을 잇는 젊은 메이커 스튜디오입니다. 철제 가구 프레임, 매장 집기, 조형물을 설계부터 용접과 도장까지 만듭니다.',
   'A young maker studio bridging Mullae''s ironworks and design: steel furniture frames, retail fixtures and sculptures, from drawings through welding and finishing.',
   array['디자인', 'TIG 용접', '파이프 벤딩', '분체도장 연계', '설치'],
   array['TIG 용접기', '밴드 쏘', '파이프 벤더', 'CNC 플라즈마 절단기'],
   array['각파이프', 'SS275', 'SUS304', '황동'],
   '{}'::text[], 1, 21, 60, true, false, false),
  ('00000000-0000-4000-8000-00000000f312', null, 'seongjin-gear', '성진기어', null, '29', 5, '107-07-40597',
   '서울특별시 영등포구 도림로141길 19 (문래동3가)', '영등포구', 37.514124, 126.89316,
   '호빙과 셰이핑으로 평기어, 헬리컬 기어, 스플라인 축을 만드는 기어 가공 공장입니다. 단종된 기계의 수리용 기어 역설계도 합니다.',
   '',
   array['기어 호빙', '기어 셰이핑', '스플라인 가공', '역설계'],
   array['기어 호빙기', '기어 셰이퍼', 'CNC 선반'],
   array['S45C', 'SCM415', 'MC 나일론', '황동'],
   '{}'::text[], 1, 10, 500, true, true, false),
  ('00000000-0000-4000-8000-00000000f313', null, 'daeryuk-coating', '대륙도장', null, '259', 4, '107-34-34790',
   '서울특별시 영등포구 문래로 130, 1층 (문래동4가)', '영등포구', 37.518201, 126.889691,
   '판금·용접 제품에 분체도장과 우레탄 도장을 입히는 도장 공장입니다. 탈지·인산염 피막 전처리부터 건조로까지 갖췄습니다.',
   '',
   array['전처리', '분체도장', '우레탄 도장', '마스킹'],
   array['분체도장 부스', '건조로', '쇼트 블라스트'],
   array['분체 도료', '우레탄 도료'],
   '{}'::text[], 5, 5, 3000, true, false, false),
  -- cheongju-printing
  ('00000000-0000-4000-8000-00000000f401', '00000000-0000-4000-8000-000000000b04', 'jikji-printing', '직지인쇄', 'Jikji Printing', '181', 9, '301-24-33598',
   '충청북도 청주시 상당구 상당로 115, 1층 (북문로2가)', '청주시 상당구', 36.64192, 127.494145,
   '금속활자본 직지의 고장에서 30년째 인쇄를 이어 온 종합 인쇄소입니다. 4색 오프셋과 디지털 인쇄, 제본, 박 후가공까지 한곳에서 하며 책자, 카탈로그, 패키지를 만듭니다.',
   'A full-service printer for thirty years in Cheongju, home of the Jikji: four-colour offset and digital printing, binding and foil finishing under one roof for books, catalogues and packaging.',
   array['오프셋 인쇄', '디지털 인쇄', '제본', '후가공 박', '재단'],
   array['4색 오프셋 인쇄기', '디지털 인쇄기', 'CTP', '중철 제본기', '재단기'],
   array['아트지', '스노우지', '모조지', '랑데뷰', '크라프트지'],
   array['ISO 9001', 'FSC CoC 인증'], 100, 5, 300000, true, true, true),
  ('00000000-0000-4000-8000-00000000f402', null, 'cheongwon-binding', '청원제본', null, '181', 5, '301-11-33884',
   '충청북도 청주시 상당구 중앙로 38, 지하 1층 (북문로1가)', '청주시 상당구', 36.644379, 127.492617,
   '무선 제본, 양장 제본, 중철, 사철 제본을 하는 제본 전문 공장입니다. 도서관 소장용 양장본과 논문 제본, 소량 독립출판물도 받습니다.',
   '',
   array['무선 제본', '양장 제본', '중철 제본', '사철 제본', '접지'],
   array['무선 제본기', '양장 케이스 메이커', '접지기', '3면 재단기'],
   array['모조지', '양장 보드지', '천 표지'],
   '{}'::text[], 30, 5, 20000, true, true, false),
  ('00000000-0000-4000-8000-00000000f403', null, 'uam-package', '우암패키지', 'Uam Package', '172', 12, '301-81-68426',
   '충청북도 청주시 상당구 대성로 74 (대성동)', '청주시 상당구', 36.640595, 127.490827,
   '화장품·식품 단상자와 싸바리 선물 박스를 만드는 패키지 공장입니다. 인쇄부터 톰슨(타발), 접착까지 일괄로 하며 친환경 종이 포장 전환 상담도 합니다.',
   'Folding cartons and rigid gift boxes for cosmetics and food: printing, die-cutting and gluing in one line, plus advice on moving to plastic-free paper packaging.',
   array['패키지 설계', '오프셋 인쇄', '톰슨(타발)', '접착', '싸바리 합지'],
   array['5색 오프셋 인쇄기', '자동 톰슨기', '자동 접착기', '싸바리 기계'],
   array['아이보리지', '마닐라지', '크라프트 보드', 'E골 골판지'],
   array['FSC CoC 인증', 'ISO 14001'], 500, 12, 200000, true, true, false),
  ('00000000-0000-4000-8000-00000000f404', null, 'sangdang-digital', '상당디지털출력', null, '181', 3, '301-06-54793',
   '충청북도 청주시 상당구 성안로 60, 2층 (북문로2가)', '청주시 상당구', 36.645503, 127.491472,
   '100부 이하 소량 인쇄를 당일이나 다음 날 찍어 내는 디지털 인쇄소입니다. 명함, 리플릿, 포스터, 현수막, 소량 POD 책자를 합니다.',
   '',
   array['디지털 인쇄', '대형 출력', '라미네이팅', 'POD 제본'],
   array['디지털 인쇄기', '대형 잉크젯 플로터', '라미네이터'],
   array['스노우지', '아트지', '현수막 원단', 'PET 필름'],
   '{}'::text[], 1, 1, 30000, true, false, false),
  ('00000000-0000-4000-8000-00000000f405', null, 'bak-and-emboss', '박앤형압', 'Bak & Emboss', '181', 4, '301-17-67751',
   '충청북도 청주시 상당구 상당로 81, 1층 (문화동)', '청주시 상당구', 36.64347, 127.489111,
   '금박, 은박, 홀로그램 박과 형압(엠보싱), 톰슨 재단을 하는 후가공 전문 공장입니다. 청첩장, 패키지, 책 표지 박 작업을 많이 합니다.',
   'Finishing specialists: gold, silver and holographic foil, embossing and die-cutting for wedding invitations, packaging and book covers.',
   array['후가공 박', '형압', '톰슨', '부분 UV'],
   array['박 프레스', '형압기', '평압 톰슨기'],
   array['금박', '은박', '홀로그램 박', '팬시지'],
   '{}'::text[], 100, 4, 50000, true, true, false),
  ('00000000-0000-4000-8000-00000000f406', null, 'geumgang-silkscreen', '금강실크스크린', null, '181', 3, '301-28-66592',
   '충청북도 청주시 상당구 남사로 117 (남문로2가)', '청주시 상당구', 36.639278, 127.485468,
   '에코백, 티셔츠, 텀블러, 아크릴에 실크 인쇄를 하는 판촉물 인쇄 공장입니다. 판 제작부터 인쇄, 건조까지 직접 합니다.',
   '',
   array['실크스크린 인쇄', '판 제작', '열전사', '건조'],
   array['반자동 실크 인쇄기', '노광기', '컨베이어 건조기'],
   array['면 원단', '아크릴', '스테인리스 텀블러'],
   '{}'::text[], 50, 7, 10000, false, false, false),
  ('00000000-0000-4000-8000-00000000f407', null, 'musimcheon-label', '무심천라벨', 'Musimcheon Label', '181', 6, '301-21-55271',
   '충청북도 청주시 상당구 교동로 45 (북문로3가)', '청주시 상당구', 36.645555, 127.490533,
   '롤 스티커와 식품·화장품 라벨을 찍는 라벨 인쇄소입니다. 유포지, 투명 PET, 은무 라벨에 바코드와 로트번호 같은 가변 데이터도 인쇄합니다.',
   'Roll labels for food and cosmetics on synthetic paper, clear PET and matt silver stock, with variable data such as barcodes and lot numbers.',
   array['라벨 인쇄', '롤 스티커', '가변 데이터 인쇄', '반칼 타발'],
   array['플렉소 라벨 인쇄기', '디지털 라벨 프린터', '라벨 리와인더'],
   array['유포지', '투명 PET', '은무 PET', '아트지 라벨'],
   array['ISO 9001'], 500, 5, 500000, true, true, false),
  ('00000000-0000-4000-8000-00000000f408', null, 'seongan-print', '성안출판인쇄', null, '181', 8, '301-09-10272',
   '충청북도 청주시 상당구 성안로 27, 2층 (남문로1가)', '청주시 상당구', 36.640763, 127.494763,
   '지역 출판사와 대학, 기관의 책을 찍어 온 출판 인쇄소입니다. 편집 디자인과 교정, 오프셋 인쇄, 무선 제본까지 책 한 권을 끝까지 맡습니다.',
   '',
   array['편집 디자인', '교정', '오프셋 인쇄', '무선 제본'],
   array['2색 오프셋 인쇄기', '4색 오프셋 인쇄기', 'CTP'],
   array['백색 모조지', '미색 모조지', '아트지'],
   '{}'::text[], 300, 10, 100000, true, true, false),
  ('00000000-0000-4000-8000-00000000f409', null, 'myeongmun-coating', '명문코팅', null, '181', 2, '301-03-26165',
   '충청북도 청주시 상당구 대성로 122 (수동)', '청주시 상당구', 36.642005, 127.487936,
   '인쇄물에 유광·무광 라미네이팅과 UV 코팅을 입히는 코팅 전문 업체입니다. 책 표지와 패키지가 긁히거나 물에 젖지 않게 해 줍니다.',
   '',
   array['라미네이팅', '전면 UV 코팅', '부분 UV 코팅'],
   array['자동 라미네이터', 'UV 코팅기'],
   array['유광 필름', '무광 필름', 'UV 바니시'],
   '{}'::text[], 200, 3, 150000, true, false, false),
  ('00000000-0000-4000-8000-00000000f410', null, 'jikji-letterpress', '직지활판공방', 'Jikji Letterpress Studio', '181', 2, '301-31-58146',
   '충청북도 청주시 상당구 남주로 26 (남주동)', '청주시 상당구', 36.641774, 127.493067,
   '금속활자와 목활자를 손으로 짜서 찍는 활판인쇄 공방입니다. 청첩장, 명함, 시집 한정판을 만들고 직지 활판 체험 수업도 엽니다.',
   'Letterpress with hand-set metal and wood type: wedding invitations, business cards and limited-edition poetry books, plus Jikji-inspired letterpress classes.',
   array['활판인쇄', '조판', '목판 인쇄', '수제본'],
   array['자동 활판 인쇄기', '수동 활판기', '금속활자·목활자'],
   array['코튼지', '한지', '판화지'],
   '{}'::text[], 50, 10, 3000, true, true, false),
  ('00000000-0000-4000-8000-00000000f411', null, 'hanul-box', '한울지기', null, '172', 7, '301-14-28951',
   '충청북도 청주시 상당구 무심동로 374 (서문동)', '청주시 상당구', 36.644011, 127.492668,
   '골판지 박스와 택배 상자, 완충 칸막이를 만드는 지기(紙器) 공장입니다. 인쇄 박스를 500개부터 맞춤 제작합니다.',
   '',
   array['골판지 재단', '플렉소 인쇄', '타발', '접착·조립'],
   array['골판지 샘플 커터', '플렉소 인쇄기', '평압 톰슨기', '자동 접착기'],
   array['A골·B골·E골 골판지', '크라프트 라이너'],
   '{}'::text[], 500, 7, 80000, true, false, false),
  ('00000000-0000-4000-8000-00000000f412', null, 'saehan-plate', '새한제판', null, '181', 3, '301-26-91888',
   '충청북도 청주시 상당구 상당로 63, 2층 (남문로2가)', '청주시 상당구', 36.643318, 127.487057,
   '오프셋 인쇄판을 출력하는 제판소입니다. CTP 출력과 교정 인쇄, 컬러 프루프를 하고 청주 인쇄소 여러 곳에 판을 댑니다.',
   '',
   array['CTP 출력', '교정 인쇄', '컬러 프루프', 'PDF 데이터 점검'],
   array['CTP 출력기', '컬러 프루퍼', '분광 측색기'],
   array['CTP 판'],
   '{}'::text[], 1, 1, 4000, true, true, false);

-- ---------------------------------------------------------------- memberships
-- Every workshop belongs to its cluster; a few recent applications wait in each manager's queue.
-- Approved members were decided by the cluster's manager, a few hours to four days after applying.
insert into public.cluster_memberships (cluster_id, workshop_id, status, message, decided_by, decided_at, created_at)
select c.id, w.id, m.status, m.message,
       case when m.status = 'approved' then cm.user_id end,
       case when m.status = 'approved' then now() - make_interval(days => m.days_ago) + make_interval(hours => 5 + (m.days_ago * 37) % 90) end,
       now() - make_interval(days => m.days_ago)
from (values
  ('myungga-jewelry', 'jongno-jewelry', 'approved', '', 450),
  ('geumseong-casting', 'jongno-jewelry', 'approved', '', 654),
  ('eunha-silver', 'jongno-jewelry', 'approved', '', 458),
  ('daon-setting', 'jongno-jewelry', 'approved', '', 709),
  ('jeongwoo-engraving', 'jongno-jewelry', 'approved', '', 432),
  ('hanbit-plating', 'jongno-jewelry', 'approved', '', 175),
  ('yedam-jewelry-cad', 'jongno-jewelry', 'approved', '', 572),
  ('bongik-chain', 'jongno-jewelry', 'approved', '', 691),
  ('luce-accessory', 'jongno-jewelry', 'approved', '', 553),
  ('garak-chilbo', 'jongno-jewelry', 'approved', '', 541),
  ('gwangchae-polishing', 'jongno-jewelry', 'pending', '봉익동에서 15년째 연마 일을 하고 있습니다. 집적지 회원으로 등록해 공동 장비 교육을 받고 싶습니다.', 3),
  ('hangyeol-jewelry', 'jongno-jewelry', 'approved', '', 301),
  ('mirim-pearl', 'jongno-jewelry', 'pending', '진주 엮음 전문 공방입니다. 종로 주얼리 집적지 회원 가입을 신청합니다.', 9),
  ('gajuk-jangin-shoes', 'seongsu-handmade-shoes', 'approved', '', 383),
  ('seongsu-jegap', 'seongsu-handmade-shoes', 'approved', '', 300),
  ('hansung-jeobu', 'seongsu-handmade-shoes', 'approved', '', 71),
  ('mido-shoes', 'seongsu-handmade-shoes', 'approved', '', 687),
  ('songrim-pattern', 'seongsu-handmade-shoes', 'approved', '', 429),
  ('bareun-walk', 'seongsu-handmade-shoes', 'approved', '', 293),
  ('sb-leather', 'seongsu-handmade-shoes', 'approved', '', 591),
  ('taeyang-shoes', 'seongsu-handmade-shoes', 'approved', '', 475),
  ('yeoreumnal-sandal', 'seongsu-handmade-shoes', 'pending', '2023년에 문을 연 샌들 공방입니다. 지원센터 공동 장비를 쓰고 싶어 가입을 신청합니다.', 5),
  ('brown-welt', 'seongsu-handmade-shoes', 'pending', '핸드 웰트 부츠를 만드는 2인 공방입니다. 성수 수제화 집적지 회원 가입을 신청합니다.', 1),
  ('geumho-cutting', 'seongsu-handmade-shoes', 'approved', '', 324),
  ('daewon-sole', 'seongsu-handmade-shoes', 'approved', '', 711),
  ('daesung-precision', 'mullae-machine-metal', 'approved', '', 589),
  ('sinheung-welding', 'mullae-machine-metal', 'approved', '', 625),
  ('dongyang-sheet-metal', 'mullae-machine-metal', 'approved', '', 434),
  ('samhwa-machinery', 'mullae-machine-metal', 'approved', '', 312),
  ('woojin-milling', 'mullae-machine-metal', 'approved', '', 598),
  ('hanil-grinding', 'mullae-machine-metal', 'approved', '', 622),
  ('jeil-heat-treatment', 'mullae-machine-metal', 'approved', '', 85),
  ('gukje-mold', 'mullae-machine-metal', 'pending', '직원 14명인 금형 공장입니다. 소공인 기준(10인 미만)은 넘지만 집적지 협업 네트워크에 참여하고 싶습니다.', 12),
  ('yeongsin-ironworks', 'mullae-machine-metal', 'approved', '', 105),
  ('hangang-wire-cut', 'mullae-machine-metal', 'approved', '', 392),
  ('mullae-makers', 'mullae-machine-metal', 'pending', '2022년 문래동에 자리 잡은 금속 가구·집기 스튜디오입니다. 집적지 회원으로 함께하고 싶습니다.', 6),
  ('seongjin-gear', 'mullae-machine-metal', 'approved', '', 162),
  ('daeryuk-coating', 'mullae-machine-metal', 'pending', '분체도장 전문 업체입니다. 문래 판금·용접 공장들과 이미 협업 중이라 회원 가입을 신청합니다.', 2),
  ('jikji-printing', 'cheongju-printing', 'approved', '', 92),
  ('cheongwon-binding', 'cheongju-printing', 'approved', '', 726),
  ('uam-package', 'cheongju-printing', 'approved', '', 196),
  ('sangdang-digital', 'cheongju-printing', 'approved', '', 472),
  ('bak-and-emboss', 'cheongju-printing', 'approved', '', 275),
  ('geumgang-silkscreen', 'cheongju-printing', 'approved', '', 83),
  ('musimcheon-label', 'cheongju-printing', 'approved', '', 218),
  ('seongan-print', 'cheongju-printing', 'approved', '', 429),
  ('myeongmun-coating', 'cheongju-printing', 'pending', '코팅 전문 2인 업체입니다. 직지인쇄 대표님 추천으로 회원 가입을 신청합니다.', 4),
  ('jikji-letterpress', 'cheongju-printing', 'approved', '', 486),
  ('hanul-box', 'cheongju-printing', 'pending', '택배 박스와 골판지 박스 전문입니다. 회원으로 가입해 공동 수주에 참여하고 싶습니다.', 8),
  ('saehan-plate', 'cheongju-printing', 'approved', '', 256)
) as m (workshop_slug, cluster_slug, status, message, days_ago)
join public.workshops w on w.slug = m.workshop_slug
join public.clusters c on c.slug = m.cluster_slug
join public.cluster_managers cm on cm.cluster_id = c.id;

-- ---------------------------------------------------------------- companies
-- Startups and IT firms on the demand side; three belong to the startup accounts.
insert into public.companies
  (id, owner_id, slug, name_ko, name_en, builds_ko, builds_en, startup_cluster_id, lat, lng, website)
values
  ('00000000-0000-4000-8000-00000000d001', '00000000-0000-4000-8000-000000000e01', 'metalwear-lab', '메탈웨어랩', 'MetalWear Lab',
   '티타늄·알루미늄 하우징의 스마트 링과 수면 측정 웨어러블을 만듭니다. 시제품 단계의 소량 CNC 가공 하우징과 경면 연마·레이저 각인 파트너를 찾고 있습니다.',
   'Smart rings and sleep-tracking wearables in titanium and aluminium housings. Looking for partners for small CNC-machined housing runs at prototype stage, mirror polishing and laser engraving.',
   '00000000-0000-4000-8000-00000000c103', 37.479791, 126.902519, 'https://metalwear-lab.example.com'),
  ('00000000-0000-4000-8000-00000000d002', '00000000-0000-4000-8000-000000000e02', 'moment-jewelry', '모먼트주얼리', 'Moment Jewelry',
   '14K·18K 데일리 주얼리를 온라인으로 직접 판매하는 D2C 브랜드입니다. 종로 공방과 매달 300~500개 규모로 생산을 협업합니다.',
   'A direct-to-consumer brand selling everyday 14K and 18K jewelry online, producing 300 to 500 pieces a month with Jongno workshops.',
   '00000000-0000-4000-8000-00000000c101', 37.543839, 127.047362, 'https://moment-jewelry.example.com'),
  ('00000000-0000-4000-8000-00000000d003', '00000000-0000-4000-8000-000000000e03', 'greentable-foods', '그린테이블푸드', 'Greentable Foods',
   '저당 건강 간식과 단백질 바를 만드는 식품 스타트업입니다. 친환경 종이 단상자와 제품 라벨, 명절 선물 세트 패키지 인쇄가 필요합니다.',
   'A food startup making low-sugar snacks and protein bars; needs plastic-free folding cartons, product labels and printed holiday gift-set packaging.',
   '00000000-0000-4000-8000-00000000c108', 36.633441, 127.324453, 'https://greentable-foods.example.com'),
  ('00000000-0000-4000-8000-00000000d004', null, 'fitlast', '핏라스트', 'FitLast',
   '스마트폰으로 발을 3D 측정해 맞춤 수제화를 주문받는 커스텀 플랫폼입니다. 성수 제화 공방에 라스트 데이터와 주문을 연결합니다.',
   'A custom-shoe platform that measures feet in 3D with a smartphone and passes the last data and orders to Seongsu shoemakers.',
   '00000000-0000-4000-8000-00000000c101', 37.542097, 127.0646, 'https://fitlast.example.com'),
  ('00000000-0000-4000-8000-00000000d005', null, 'nuri-robotics', '누리로보틱스', 'Nuri Robotics',
   '협동로봇용 그리퍼와 엔드이펙터를 개발합니다. 알루미늄·스테인리스 정밀 가공 부품을 로트당 10~50개씩 발주합니다.',
   'Grippers and end effectors for collaborative robots; orders precision-machined aluminium and stainless parts in lots of 10 to 50.',
   '00000000-0000-4000-8000-00000000c106', 37.396499, 127.107063, 'https://nuri-robotics.example.com'),
  ('00000000-0000-4000-8000-00000000d006', null, 'switchhome', '스위치홈', 'SwitchHome',
   'IoT 스마트 조명 스위치와 허브를 만듭니다. 판금 브래킷, 알루미늄 전면 패널, 제품 박스 인쇄를 외주로 맡깁니다.',
   'IoT smart light switches and hubs; outsources sheet-metal brackets, aluminium face plates and printed retail boxes.',
   '00000000-0000-4000-8000-00000000c104', 37.505118, 127.028022, 'https://switchhome.example.com'),
  ('00000000-0000-4000-8000-00000000d007', null, 'paper-and-goods', '페이퍼앤굿즈', 'Paper & Goods',
   '독립출판 작가와 일러스트레이터의 책·굿즈 제작을 돕는 플랫폼입니다. 소량 디지털 인쇄, 양장 제본, 박·형압 후가공을 중개합니다.',
   'A platform helping independent authors and illustrators make books and goods, brokering short-run digital printing, case binding, foil and embossing.',
   '00000000-0000-4000-8000-00000000c102', 37.546101, 126.948445, 'https://paper-and-goods.example.com'),
  ('00000000-0000-4000-8000-00000000d008', null, 'studio-objet', '스튜디오 오브제', 'Studio Objet',
   '동대문 기반 패션 잡화 브랜드입니다. 가죽 가방과 로퍼를 기획해 성수 공방에 생산을 맡기고, 황동 장식 부자재는 종로에서 조달합니다.',
   'A Dongdaemun fashion-accessories label that designs leather bags and loafers made in Seongsu and sources brass hardware from Jongno.',
   '00000000-0000-4000-8000-00000000c105', 37.565438, 127.013667, 'https://studio-objet.example.com'),
  ('00000000-0000-4000-8000-00000000d009', null, 'ochang-energytech', '오창에너지텍', 'Ochang EnergyTech',
   '이차전지 셀 검사 장비를 만드는 스타트업입니다. 검사 지그와 고정구, 스테인리스 프레임 용접 가공이 필요합니다.',
   'Inspection equipment for battery cells; needs test jigs and fixtures and welded stainless-steel frames.',
   '00000000-0000-4000-8000-00000000c107', 36.721148, 127.429316, 'https://ochang-energytech.example.com'),
  ('00000000-0000-4000-8000-00000000d010', null, 'biocube', '바이오큐브', 'BioCube',
   '현장 진단(POCT) 키트를 개발하는 바이오 스타트업입니다. 키트 단상자와 사용설명서, 의료기기 라벨을 정기적으로 인쇄합니다.',
   'A biotech startup developing point-of-care diagnostic kits, with regular print orders for kit cartons, instructions for use and medical-device labels.',
   '00000000-0000-4000-8000-00000000c108', 36.619604, 127.327959, 'https://biocube.example.com'),
  ('00000000-0000-4000-8000-00000000d011', null, 'droneworks-korea', '드론웍스코리아', 'DroneWorks Korea',
   '산업 시설 점검용 드론을 만듭니다. 카본·알루미늄 프레임 조인트와 모터 마운트를 CNC로 가공할 협력사가 필요합니다.',
   'Inspection drones for industrial sites; needs CNC partners for carbon and aluminium frame joints and motor mounts.',
   '00000000-0000-4000-8000-00000000c103', 37.485466, 126.890782, 'https://droneworks-korea.example.com'),
  ('00000000-0000-4000-8000-00000000d012', null, 'goodsflex', '굿즈플렉스', 'GoodsFlex',
   '게임·웹툰 IP 굿즈를 만드는 회사입니다. 금속 배지와 키링, 아트북 인쇄를 소량 다품종으로 발주합니다.',
   'Merchandise for game and webtoon IP: metal pins, key rings and art books ordered in many small runs.',
   '00000000-0000-4000-8000-00000000c106', 37.40214, 127.111914, 'https://goodsflex.example.com');

-- ---------------------------------------------------------------- past and running deals
-- Requests, quotes and the orders made from them, in the states a visitor should see: one completed
-- and paid out, one with its sample waiting for approval, one delivered and about to confirm itself,
-- one waiting for its deposit, and an open request with two quotes. Built through the same triggers
-- the app uses (accepting a quote creates the order; private.apply_payment holds the money; moves
-- release it), then dated into the past so the timelines read like real ones.
do $$
declare
  deal record;
  q uuid;
  o uuid;
  m record;
begin
  for deal in select * from (values
    -- request id, owner, company, workshop, craftsman, template, trade, title, description, quantity,
    -- supply, deposit, sample, lead days, days ago (accepted), final state
    ('00000000-0000-4000-8000-0000000a1001'::uuid, '00000000-0000-4000-8000-000000000e01'::uuid, '00000000-0000-4000-8000-00000000d001'::uuid,
     '00000000-0000-4000-8000-00000000f301'::uuid, '00000000-0000-4000-8000-000000000b03'::uuid, 'machine_metal', '259',
     '로봇 그리퍼용 알루미늄 브래킷 200개', '협동로봇 그리퍼 브래킷. 알루미늄 6061-T6, 공차 ±0.05mm, 블랙 아노다이징. 도면 첨부 예정.', 200,
     2400000, 800000, 500000, 21, 45, 'completed'),
    ('00000000-0000-4000-8000-0000000a1002'::uuid, '00000000-0000-4000-8000-000000000e02'::uuid, '00000000-0000-4000-8000-00000000d002'::uuid,
     '00000000-0000-4000-8000-00000000f101'::uuid, '00000000-0000-4000-8000-000000000b01'::uuid, 'jewelry', '3311',
     '브랜드 로고 은 펜던트 300개', '925 실버 펜던트, 로고 음각, 로듐 도금. 체인 별도. 시즌 컬렉션용.', 300,
     6000000, 1980000, 1320000, 28, 12, 'sample_submitted'),
    ('00000000-0000-4000-8000-0000000a1003'::uuid, '00000000-0000-4000-8000-000000000e03'::uuid, '00000000-0000-4000-8000-00000000d003'::uuid,
     '00000000-0000-4000-8000-00000000f401'::uuid, '00000000-0000-4000-8000-000000000b04'::uuid, 'printing', '181',
     '밀키트 조리 설명서 5,000부', 'A5 양면 4도, 스노우지 150g, 무광 코팅, 2단 접지. 박스 동봉용.', 5000,
     1500000, 1650000, 0, 10, 18, 'delivered'),
    ('00000000-0000-4000-8000-0000000a1004'::uuid, '00000000-0000-4000-8000-000000000e01'::uuid, '00000000-0000-4000-8000-00000000d001'::uuid,
     '00000000-0000-4000-8000-00000000f201'::uuid, '00000000-0000-4000-8000-000000000b02'::uuid, 'shoes', '152',
     '팀 행사용 수제 가죽 스니커즈 30켤레', '소가죽 스니커즈, 230~280 사이즈 혼합, 뒤꿈치 로고 각인.', 30,
     3600000, 1188000, 0, 30, 2, 'awaiting_deposit')
  ) as t (id, owner, company, workshop, craftsman, template, trade, title, description, quantity, supply, deposit, sample, lead, ago, final)
  loop
    insert into public.requests (id, owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
    values (deal.id, deal.owner, deal.company, deal.template, deal.trade, deal.title, deal.description, deal.quantity, 'open', 'public');
    insert into public.request_participants (request_id, workshop_id, source) values (deal.id, deal.workshop, 'self');
    insert into public.quotes (request_id, workshop_id, price_krw, vat_krw, deposit_krw, sample_krw, lead_time_days, valid_until, notes, submitted_by)
    values (deal.id, deal.workshop, deal.supply, deal.supply / 10, deal.deposit, deal.sample, deal.lead, current_date + 14,
            '소재와 후가공 포함, 부가세 별도. 샘플 확인 후 본생산합니다.', deal.craftsman)
    returning id into q;
    update public.quotes set status = 'accepted' where id = q;
    select id into o from public.orders where quote_id = q;
    if deal.final <> 'awaiting_deposit' then
      select * into m from public.order_milestones where order_id = o and kind = 'deposit';
      perform private.apply_payment('bank_transfer', 'seed:' || m.id, 'paid', 'seed:' || m.id, m.id, m.amount_krw, '{}');
    end if;
    -- Each move as the person who makes it (the timeline names them; they are not notified of their own).
    if deal.final = 'completed' then
      perform set_config('request.jwt.claims', json_build_object('sub', deal.craftsman, 'role', 'authenticated')::text, true);
      update public.orders set status = 'sample_submitted' where id = o;
      perform set_config('request.jwt.claims', json_build_object('sub', deal.owner, 'role', 'authenticated')::text, true);
      update public.orders set status = 'sample_approved' where id = o;
      perform set_config('request.jwt.claims', '', true);
      for m in select * from public.order_milestones where order_id = o and status = 'pending' loop
        perform private.apply_payment('bank_transfer', 'seed:' || m.id, 'paid', 'seed:' || m.id, m.id, m.amount_krw, '{}');
      end loop;
      perform set_config('request.jwt.claims', json_build_object('sub', deal.craftsman, 'role', 'authenticated')::text, true);
      update public.orders set status = 'shipped', courier = 'cj', tracking_number = '684512037761' where id = o;
      perform set_config('request.jwt.claims', json_build_object('sub', deal.owner, 'role', 'authenticated')::text, true);
      update public.orders set status = 'delivered' where id = o;
      update public.orders set status = 'completed' where id = o;
    elsif deal.final = 'sample_submitted' then
      perform set_config('request.jwt.claims', json_build_object('sub', deal.craftsman, 'role', 'authenticated')::text, true);
      update public.orders set status = 'sample_submitted' where id = o;
    elsif deal.final = 'delivered' then
      perform set_config('request.jwt.claims', json_build_object('sub', deal.craftsman, 'role', 'authenticated')::text, true);
      update public.orders set status = 'shipped', courier = 'direct' where id = o;
      update public.orders set status = 'delivered' where id = o;
    end if;
    perform set_config('request.jwt.claims', '', true);
    -- Into the past: the request was posted, quoted and accepted days ago, and each step followed.
    update public.requests set created_at = now() - make_interval(days => deal.ago + 6), published_at = now() - make_interval(days => deal.ago + 6)
    where id = deal.id;
    update public.orders set created_at = now() - make_interval(days => deal.ago),
      due_date = (now() - make_interval(days => deal.ago))::date + deal.lead where id = o;
    -- Steps spread evenly from the acceptance to three days ago (or to now for a young order).
    update public.order_events e
    set created_at = now() - make_interval(days => deal.ago) + (s.n - 1) * make_interval(hours => (greatest(deal.ago - 3, 1) * 24 / s.total)::int)
    from (select id, row_number() over (order by id) as n, count(*) over () as total from public.order_events where order_id = o) s
    where e.id = s.id;
    -- The delivered one confirms itself in two days, as the page says.
    if deal.final = 'delivered' then
      update public.order_events set created_at = now() - interval '5 days' where order_id = o and kind = 'delivered';
      update public.orders set delivered_at = now() - interval '5 days', auto_confirm_at = now() + interval '2 days' where id = o;
    end if;
    -- Milestones and the order say when as their timeline does.
    update public.order_milestones mm set paid_at = e.created_at
    from public.order_events e
    where mm.order_id = o and e.order_id = o and e.kind = 'paid' and e.payload ->> 'milestone' = mm.kind;
    update public.order_milestones mm set released_at = e.created_at, paid_out_at = case when deal.final = 'completed' then least(now(), e.created_at + interval '2 days') end
    from public.order_events e
    where mm.order_id = o and mm.released_at is not null and e.order_id = o
      and e.kind = case when mm.kind = 'deposit' and exists (select 1 from public.order_events x where x.order_id = o and x.kind = 'sample_approved')
                        then 'sample_approved' else 'confirmed' end;
    update public.orders oo set
      shipped_at = (select created_at from public.order_events where order_id = o and kind = 'shipped'),
      delivered_at = coalesce((select max(created_at) from public.order_events where order_id = o and kind = 'delivered'), oo.delivered_at),
      completed_at = (select created_at from public.order_events where order_id = o and kind in ('confirmed', 'auto_confirmed'))
    where oo.id = o and oo.shipped_at is not null;
  end loop;

  -- An open request with two quotes waiting for the startup's choice.
  insert into public.requests (id, owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
  values ('00000000-0000-4000-8000-0000000a1005', '00000000-0000-4000-8000-000000000e02', '00000000-0000-4000-8000-00000000d002',
          'jewelry', '3311', '14K 골드 미니 귀걸이 샘플 20쌍', '14K 옐로 골드, 지름 8mm 후프, 스토퍼 포함. 샘플 후 500쌍 양산 예정.', 20, 'open', 'public');
  insert into public.request_participants (request_id, workshop_id, source) values
    ('00000000-0000-4000-8000-0000000a1005', '00000000-0000-4000-8000-00000000f101', 'self'),
    ('00000000-0000-4000-8000-0000000a1005', '00000000-0000-4000-8000-00000000f103', 'self');
  insert into public.quotes (request_id, workshop_id, price_krw, vat_krw, deposit_krw, sample_krw, lead_time_days, valid_until, notes, submitted_by) values
    ('00000000-0000-4000-8000-0000000a1005', '00000000-0000-4000-8000-00000000f101', 1800000, 180000, 594000, 0, 14, current_date + 14,
     '금 시세 반영 견적, 부가세 별도. 각인 무료.', '00000000-0000-4000-8000-000000000b01'),
    ('00000000-0000-4000-8000-0000000a1005', '00000000-0000-4000-8000-00000000f103', 1650000, 165000, 544500, 0, 18, current_date + 10,
     '소량 샘플 가능. 스토퍼는 실리콘.', null);
end;
$$;

-- ---------------------------------------------------------------- support centers (issue 17)
-- The centers of the four clusters, their courses, shared equipment, upcoming events and programs.
-- Contacts are illustrative; addresses follow the districts of the clusters.
-- Once: the seed may run again on a seeded database.
do $support$
begin
if exists (select 1 from public.support_centers where id = '00000000-0000-4000-8000-0000000c0001') then
  return;
end if;
insert into public.support_centers (id, slug, name_ko, name_en, operator_ko, region_ko, address_ko, lat, lng, opening_hours_ko, phone,
  description_ko, description_en, services_ko, services_en) values
  ('00000000-0000-4000-8000-0000000c0001', 'jongno-jewelry-center', '종로 귀금속 소공인특화지원센터', 'Jongno Jewelry Craftsman Support Center',
   '한국주얼리산업연합회', '서울', '서울 종로구 돈화문로 11', 37.5714, 126.9918, '평일 09:00–18:00 (점심 12:00–13:00)', '02-765-0000',
   '종로 귀금속 집적지 소공인을 위한 교육, 상담, 공동 장비를 운영합니다.', 'Training, counseling and shared equipment for the Jongno jewelry cluster.',
   '{주얼리 3D 프린터·캐스팅 장비 대여,디자인·마케팅 교육,경영·수출 상담}', '{Jewelry 3D printer and casting equipment,Design and marketing courses,Management and export counseling}'),
  ('00000000-0000-4000-8000-0000000c0002', 'seongsu-shoes-center', '성수 수제화 소공인특화지원센터', 'Seongsu Handmade Shoes Craftsman Support Center',
   '성동구 수제화협회', '서울', '서울 성동구 연무장길 41', 37.5446, 127.0557, '평일 09:00–18:00', '02-460-0000',
   '수제화 공방의 라스트 제작, 가죽 재단 장비와 판로 교육을 지원합니다.', 'Lasts, leather cutting equipment and sales training for shoe workshops.',
   '{가죽 레이저 재단기,판로·온라인 판매 교육,디자인 상담}', '{Leather laser cutter,Online sales courses,Design counseling}'),
  ('00000000-0000-4000-8000-0000000c0003', 'mullae-metal-center', '문래 기계금속 소공인특화지원센터', 'Mullae Machine-Metal Craftsman Support Center',
   '문래동 기계금속 소공인협동조합', '서울', '서울 영등포구 도림로 433', 37.5176, 126.8947, '평일 08:30–18:30, 토 09:00–13:00', '02-2631-0000',
   '문래 기계금속 집적지의 시제품 제작, 3D 프린터와 쇼룸을 운영합니다.', 'Prototyping, a 3D printer and a showroom for the Mullae metal cluster.',
   '{3D 프린터·3D 스캐너,시제품 제작 지원,기술·안전 교육}', '{3D printer and scanner,Prototyping support,Technical and safety training}'),
  ('00000000-0000-4000-8000-0000000c0004', 'cheongju-printing-center', '청주 인쇄 소공인특화지원센터', 'Cheongju Printing Craftsman Support Center',
   '청주인쇄출판협동조합', '충북', '충북 청주시 상당구 상당로 55', 36.6424, 127.4890, '평일 09:00–18:00', '043-255-0000',
   '청주 인쇄 집적지의 후가공 장비, 디지털 인쇄 교육과 판로를 지원합니다.', 'Finishing equipment, digital printing courses and sales support for Cheongju printers.',
   '{레이저 커팅·후가공 장비,디지털 인쇄 교육,수출 상담}', '{Laser cutting and finishing,Digital printing courses,Export counseling}');

insert into public.support_center_clusters (center_id, cluster_id)
select c.id, k.id from (values
  ('00000000-0000-4000-8000-0000000c0001'::uuid, 'jongno-jewelry'),
  ('00000000-0000-4000-8000-0000000c0002'::uuid, 'seongsu-handmade-shoes'),
  ('00000000-0000-4000-8000-0000000c0003'::uuid, 'mullae-machine-metal'),
  ('00000000-0000-4000-8000-0000000c0004'::uuid, 'cheongju-printing')) c(id, slug)
join public.clusters k on k.slug = c.slug;

insert into public.support_courses (id, center_id, title_ko, title_en) values
  ('00000000-0000-4000-8000-0000000c1001', '00000000-0000-4000-8000-0000000c0001', '주얼리 3D 프린터 안전교육', 'Jewelry 3D printer safety course'),
  ('00000000-0000-4000-8000-0000000c1003', '00000000-0000-4000-8000-0000000c0003', '3D 프린터·스캐너 안전교육', '3D printer and scanner safety course');

insert into public.support_machines (center_id, kind, name_ko, name_en, specs_ko, prerequisite_course_id, hourly_fee_krw, slot_minutes, open_hour, close_hour) values
  ('00000000-0000-4000-8000-0000000c0001', '3d_printer', '주얼리 3D 프린터 (DLP)', 'Jewelry 3D printer (DLP)', '캐스터블 레진, 조형 크기 96×54×100mm, 적층 25μm',
   '00000000-0000-4000-8000-0000000c1001', 0, 60, 9, 18),
  ('00000000-0000-4000-8000-0000000c0001', 'polisher', '바렐 연마기', 'Barrel polisher', '자기 연마, 용량 2kg', null, 0, 60, 9, 18),
  ('00000000-0000-4000-8000-0000000c0002', 'laser_cutter', '가죽 레이저 재단기', 'Leather laser cutter', '작업 영역 900×600mm, CO2 100W', null, 5000, 60, 9, 18),
  ('00000000-0000-4000-8000-0000000c0003', '3d_printer', '산업용 FDM 3D 프린터', 'Industrial FDM 3D printer', 'PLA·ABS·PETG, 조형 크기 300×300×400mm',
   '00000000-0000-4000-8000-0000000c1003', 0, 120, 9, 18),
  ('00000000-0000-4000-8000-0000000c0003', '3d_scanner', '3D 스캐너', '3D scanner', '정밀도 0.05mm, 역설계 소프트웨어 포함',
   '00000000-0000-4000-8000-0000000c1003', 10000, 60, 9, 18),
  ('00000000-0000-4000-8000-0000000c0004', 'laser_cutter', '후가공 레이저 커터', 'Finishing laser cutter', '종이·보드지 재단, 작업 영역 1300×900mm', null, 8000, 60, 9, 18);

insert into public.support_events (center_id, kind, course_id, title_ko, title_en, starts_at, ends_at, place_ko, online_url, capacity) values
  ('00000000-0000-4000-8000-0000000c0001', 'course', '00000000-0000-4000-8000-0000000c1001', '주얼리 3D 프린터 안전교육 (12월)', 'Jewelry 3D printer safety course (December)',
   (current_date + 7)::timestamp at time zone 'Asia/Seoul' + interval '14 hours', (current_date + 7)::timestamp at time zone 'Asia/Seoul' + interval '16 hours',
   '센터 3층 교육장', null, 8),
  ('00000000-0000-4000-8000-0000000c0003', 'course', '00000000-0000-4000-8000-0000000c1003', '3D 프린터·스캐너 안전교육', '3D printer and scanner safety course',
   (current_date + 5)::timestamp at time zone 'Asia/Seoul' + interval '10 hours', (current_date + 5)::timestamp at time zone 'Asia/Seoul' + interval '12 hours',
   '센터 1층 시제품실', null, 6),
  ('00000000-0000-4000-8000-0000000c0004', 'seminar', null, '인쇄 소공인 수출 판로 세미나', 'Export seminar for printing craftsmen',
   (current_date + 10)::timestamp at time zone 'Asia/Seoul' + interval '15 hours', (current_date + 10)::timestamp at time zone 'Asia/Seoul' + interval '17 hours',
   '', 'https://meet.example.org/cheongju-export', 100);

insert into public.support_programs (center_id, slug, kind, title_ko, title_en, summary_ko, summary_en, amount_max_krw, self_pay_percent, deadline,
  required_documents, eligibility) values
  ('00000000-0000-4000-8000-0000000c0003', 'craftsman-microfinance', 'loan', '소공인 특화자금', 'Craftsman microfinance',
   '소공인의 시설·운전자금 융자. 1인당 최대 10억 원.', 'Loans for equipment and working capital, up to 1 billion won a person.',
   1000000000, 0, now() + interval '60 days',
   '[{"key":"business_registration","label_ko":"사업자등록증","label_en":"Business registration"},{"key":"tax_certificate","label_ko":"납세증명서","label_en":"Tax certificate"}]',
   '[{"kind":"max_employees","value":9},{"kind":"designated_trade"},{"kind":"min_years","value":1}]'),
  ('00000000-0000-4000-8000-0000000c0001', 'smart-workshop-2027', 'grant', '스마트공방 기술보급사업', 'Smart workshop grants',
   '스마트 장비·솔루션 도입 비용 지원, 공방당 최대 4,900만 원.', 'Smart equipment and software, up to 49 million won a workshop.',
   49000000, 0, now() + interval '30 days',
   '[{"key":"business_registration","label_ko":"사업자등록증","label_en":"Business registration"},{"key":"plan","label_ko":"도입 계획서","label_en":"Adoption plan"}]',
   '[{"kind":"max_employees","value":9},{"kind":"cluster_member","clusters":[]}]'),
  ('00000000-0000-4000-8000-0000000c0002', 'clean-workplace-2027', 'grant', '클린제조환경 조성 지원', 'Clean workplace support',
   '작업환경 개선 비용 지원, 최대 420만 원 (자부담 30%).', 'Workplace improvements, up to 4.2 million won (30% self-paid).',
   4200000, 30, now() + interval '45 days',
   '[{"key":"business_registration","label_ko":"사업자등록증","label_en":"Business registration"},{"key":"quote","label_ko":"시공 견적서","label_en":"Contractor quote"}]',
   '[{"kind":"max_employees","value":9},{"kind":"region","regions":["서울"]}]');
end;
$support$;

-- ---------------------------------------------------------------- reviews of the completed deal
-- Both sides of the completed bracket order (startup1's 메탈웨어랩 ↔ 대성정밀) reviewed each other
-- after it was confirmed, so both were published together, and the workshop answered the buyer's
-- review. Dated as the timeline reads; the scorecards are recomputed from the orders afterwards.
do $reviews$
declare
  o public.orders;
begin
  select * into o from public.orders where request_id = '00000000-0000-4000-8000-0000000a1001';
  if o.id is null or exists (select 1 from public.reviews where order_id = o.id) then
    return;
  end if;
  insert into public.reviews (order_id, side, author_id, state, rating_quality, rating_on_time, rating_communication, body, submitted_at)
  values (o.id, 'buyer', '00000000-0000-4000-8000-000000000e01', 'submitted', 5, 4, 5,
    '공차 ±0.05mm를 정확히 맞춰 주셨고, 아노다이징 색도 샘플과 똑같았습니다. 납기는 이틀 늦었지만 미리 알려 주셔서 일정 조정에 문제가 없었습니다. 다음 양산도 맡기려고 합니다.',
    coalesce(o.completed_at, now()) + interval '1 day');
  insert into public.reviews (order_id, side, author_id, state, rating_clarity, rating_payment, rating_communication, body, submitted_at)
  values (o.id, 'workshop', '00000000-0000-4000-8000-000000000b03', 'submitted', 5, 5, 4,
    '도면과 공차 표기가 명확해서 견적부터 수월했습니다. 계약금과 잔금 모두 약속한 날에 들어왔습니다.',
    coalesce(o.completed_at, now()) + interval '2 days');
  update public.reviews set state = 'published', published_at = coalesce(o.completed_at, now()) + interval '2 days'
  where order_id = o.id and state = 'submitted';
  update public.reviews set reply = '좋게 봐 주셔서 감사합니다. 납기 지연은 아노다이징 외주 일정 때문이었고, 다음부터는 여유를 두고 잡겠습니다.',
    replied_at = coalesce(o.completed_at, now()) + interval '3 days', replied_by = '00000000-0000-4000-8000-000000000b03'
  where order_id = o.id and side = 'buyer';
end;
$reviews$;

-- ---------------------------------------------------------------- consents
-- The demo accounts agreed to the terms and the privacy policy of the current version
-- (LEGAL_VERSION in src/lib/legal/documents.ts; a new version there asks them again, as it asks everyone).
insert into public.consents (user_id, document, version)
select u.id, d, '2026-12-06' from auth.users u cross join unnest(array['terms', 'privacy']) d
on conflict do nothing;

-- ---------------------------------------------------------------- open requests
-- What the startups are asking for this season, posted over the last weeks: the request board a
-- craftsman sees, and the cluster inboxes, have work in every trade.
create temporary table seed_open_requests as
select v.id::uuid as id, v.owner::uuid as owner, v.company::uuid as company, v.template, v.trade, v.title, v.description, v.quantity,
       v.budget_min, v.budget_max, v.due, v.place, v.lat, v.lng, v.processes, v.ago
from (values
  ('00000000-0000-4000-8000-0000000a2001', '00000000-0000-4000-8000-000000000e01', '00000000-0000-4000-8000-00000000d001', 'machine_metal', '259',
   '티타늄 스마트링 하우징 시제품 30개', '티타늄 Gr5, 내경 17~21mm 5개 사이즈. CNC 선반 가공 후 경면 연마, 안쪽에 레이저 각인. 공차 ±0.02mm, 3D 도면(STEP) 있습니다.',
   30, 1500000, 3000000, 30, '서울 금천구 가산디지털1로 168', 37.4797, 126.8871, array['CNC 선반', '연마', '각인'], 4),
  ('00000000-0000-4000-8000-0000000a2002', '00000000-0000-4000-8000-000000000e01', '00000000-0000-4000-8000-00000000d001', 'machine_metal', '259',
   '알루미늄 충전 크래들 200개 (아노다이징 블랙)', '알루미늄 6061 밀링 가공, 샌드블라스트 후 블랙 아노다이징. 바닥 실리콘 패드 부착 홈 포함. 첫 로트 200개, 이후 월 500개 예정.',
   200, 4000000, 7000000, 45, '서울 금천구 가산디지털1로 168', 37.4797, 126.8871, array['밀링', '아노다이징'], 11),
  ('00000000-0000-4000-8000-0000000a2003', '00000000-0000-4000-8000-000000000e02', '00000000-0000-4000-8000-00000000d002', 'jewelry', '3311',
   '14K 레이어드 목걸이 체인 300개', '14K 옐로·로즈 골드 두 가지, 0.9mm 볼 체인 40cm+5cm 연장. 스프링링 잠금, 택 각인(브랜드 로고). 샘플 5개 먼저 확인하고 싶습니다.',
   300, 9000000, 13000000, 35, '서울 성동구 성수이로 78', 37.5447, 127.0563, array['주조', '연마', '각인'], 2),
  ('00000000-0000-4000-8000-0000000a2004', '00000000-0000-4000-8000-000000000e02', '00000000-0000-4000-8000-00000000d002', 'jewelry', '3311',
   '925 실버 시그닛 반지 원형 제작 + 양산 100개', '925 실버, 면 각인이 들어가는 시그닛 반지. 3D 원형(왁스) 제작부터 주조, 광택 마감까지. 사이즈 7~17호.',
   100, 2500000, 4500000, 40, '서울 성동구 성수이로 78', 37.5447, 127.0563, array['원형', '주조', '광택'], 19),
  ('00000000-0000-4000-8000-0000000a2005', '00000000-0000-4000-8000-000000000e03', '00000000-0000-4000-8000-00000000d003', 'printing', '181',
   '친환경 단상자 5,000개 (단백질 바 패키지)', '크라프트 보드 350g, 4도 인쇄 + 무광 코팅 없이 수성 바니시. 톰슨 칼선 도면 있습니다. 박 가공 로고 1곳.',
   5000, 2000000, 3500000, 25, '충북 청주시 흥덕구 오송읍 오송생명로 123', 36.6334, 127.3245, array['오프셋 인쇄', '톰슨', '박'], 6),
  ('00000000-0000-4000-8000-0000000a2006', '00000000-0000-4000-8000-000000000e03', '00000000-0000-4000-8000-00000000d003', 'printing', '181',
   '명절 선물세트 라벨 스티커 2만 장', '원형 지름 60mm 유포지 라벨, 4도 + 화이트. 디지털 인쇄 후 반칼 톰슨. 3종 디자인 각 6,700장 내외.',
   20000, 800000, 1500000, 20, '충북 청주시 흥덕구 오송읍 오송생명로 123', 36.6334, 127.3245, array['디지털 인쇄', '톰슨'], 27),
  ('00000000-0000-4000-8000-0000000a2007', '00000000-0000-4000-8000-000000000e02', '00000000-0000-4000-8000-00000000d002', 'shoes', '152',
   '브랜드 협업 가죽 로퍼 샘플 3켤레', '소가죽 스무드 블랙, 레더 아웃솔. 240·255·270 세 사이즈 샘플. 라스트는 보유 라스트 사용 희망, 이후 50켤레 소량 생산.',
   3, 900000, 1500000, 30, '서울 성동구 성수이로 78', 37.5447, 127.0563, array['재단', '제갑', '저부'], 8),
  ('00000000-0000-4000-8000-0000000a2008', '00000000-0000-4000-8000-000000000e01', '00000000-0000-4000-8000-00000000d001', 'machine_metal', '2511',
   '스테인리스 판금 브래킷 500개 (절곡·용접)', 'SUS304 t1.5, 레이저 절단 후 절곡 2회, 너트 용접 2곳. 헤어라인 마감. 2D 도면(DXF) 있습니다.',
   500, 2500000, 4000000, 28, '서울 금천구 가산디지털1로 168', 37.4797, 126.8871, array['레이저 커팅', '절곡', '용접'], 33)
) as v(id, owner, company, template, trade, title, description, quantity, budget_min, budget_max, due, place, lat, lng, processes, ago);
insert into public.requests (id, owner_id, company_id, template, trade_code, title, description, quantity, budget_min_krw,
  budget_max_krw, deadline, delivery_place, lat, lng, required_processes, status, visibility)
select id, owner, company, template, trade, title, description, quantity, budget_min, budget_max, current_date + due, place, lat, lng,
       processes, 'open', 'public'
from seed_open_requests;
-- Posted over the last weeks (the insert stamps now).
update public.requests r set created_at = now() - make_interval(days => o.ago), published_at = now() - make_interval(days => o.ago)
from seed_open_requests o where r.id = o.id;
drop table seed_open_requests;

-- ---------------------------------------------------------------- routing
-- Published requests land in the inbox of the cluster whose specialty fits their template (publishing
-- through the app does this; the seed writes the requests directly), when they were published: the
-- managers' inboxes and their clusters' numbers show them in the months they came in.
insert into public.request_clusters (request_id, cluster_id, created_at)
select r.id, c.id, coalesce(r.published_at, r.created_at)
from public.requests r
join public.clusters c on c.slug = case r.template
  when 'jewelry' then 'jongno-jewelry' when 'shoes' then 'seongsu-handmade-shoes'
  when 'machine_metal' then 'mullae-machine-metal' when 'printing' then 'cheongju-printing' end
where r.status <> 'draft'
on conflict do nothing;
