import { describe, expect, it } from 'vitest';
import { initials, lookingText } from './ViewerAvatars.tsx';

describe('viewer avatars', () => {
  it('shows initials of the first and last name, or of a bare name or address', () => {
    expect(initials('Ana Agent')).toBe('AA');
    expect(initials('Ana Maria de la Cruz')).toBe('AC');
    expect(initials('ben')).toBe('B');
    expect(initials('care1@example.test')).toBe('C');
    expect(initials('  ')).toBe('?');
  });

  it('says who is looking in words', () => {
    expect(lookingText(['Ana'])).toBe('Ana is looking at this');
    expect(lookingText(['Ana', 'Ben'])).toBe('Ana and Ben are looking at this');
    expect(lookingText(['Ana', 'Ben', 'Cleo'])).toBe('Ana, Ben and Cleo are looking at this');
    expect(lookingText(['Ana', 'Ben', 'Cleo', 'Dara'])).toBe('Ana, Ben and 2 others are looking at this');
  });
});
