import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type APIInteractionGuildMember,
  Collection,
  type GuildMember,
  PermissionFlagsBits,
  PermissionsBitField,
} from 'discord.js';
import { isModerator } from '../../src/discord/isModerator.js';

const MOD_ROLE = '11111111111111111';
const OTHER_ROLE = '22222222222222222';

/** The API shape: permissions as a decimal bitfield string, roles as an array of ids. */
function apiMember(permissions: bigint, roles: string[] = []) {
  return { permissions: permissions.toString(), roles };
}

/** The discord.js GuildMember shape: a PermissionsBitField and roles.cache. */
function guildMember(permissions: bigint, roles: string[] = []) {
  return {
    permissions: new PermissionsBitField(permissions),
    roles: { cache: new Collection(roles.map((id) => [id, { id }])) },
  };
}

for (const [shape, make] of [
  ['API member', apiMember],
  ['GuildMember', guildMember],
] as const) {
  test(`${shape}: Manage Server, Administrator and moderator roles make a moderator`, () => {
    assert.equal(isModerator(make(PermissionFlagsBits.ManageGuild), []), true);
    assert.equal(isModerator(make(PermissionFlagsBits.Administrator), []), true);
    assert.equal(
      isModerator(make(PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild), []),
      true,
    );
    assert.equal(isModerator(make(0n, [OTHER_ROLE, MOD_ROLE]), [MOD_ROLE]), true);
  });

  test(`${shape}: a plain member is not a moderator`, () => {
    const plain = PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageMessages;
    assert.equal(isModerator(make(plain, [OTHER_ROLE]), [MOD_ROLE]), false);
    assert.equal(isModerator(make(plain, [OTHER_ROLE]), []), false);
  });
}

test('no member (a DM) or missing parts are never a moderator', () => {
  assert.equal(isModerator(null, [MOD_ROLE]), false);
  assert.equal(isModerator(undefined, [MOD_ROLE]), false);
  assert.equal(isModerator({ permissions: null, roles: null }, [MOD_ROLE]), false);
  assert.equal(isModerator({}, [MOD_ROLE]), false);
  assert.equal(isModerator({ permissions: 'not a number', roles: [] }, []), false);
});

test('a bigint bitfield is accepted', () => {
  assert.equal(isModerator({ permissions: PermissionFlagsBits.ManageGuild }, []), true);
  assert.equal(isModerator({ permissions: 0n }, []), false);
});

test('interaction.member as discord.js types it is accepted (compile-time check)', () => {
  const check = (member: GuildMember | APIInteractionGuildMember | null) => isModerator(member, []);
  assert.equal(check(null), false);
});
