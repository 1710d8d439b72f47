// Revised Romanization of Korean for URLs: es-hangul's, with the sound changes a reader expects
// (명가주얼리 → myeonggajueolli, 종로 → jongno). Place names follow the rules for proper nouns instead
// (aspiration not written, hyphen before the unit): place-names.ts.
export { romanize } from 'es-hangul';
