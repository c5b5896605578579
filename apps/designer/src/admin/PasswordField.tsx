import { generatePassword } from './generatePassword.ts';

/** The new person's password, typed or generated (16 random characters). */
export function PasswordField({ value, onChange, onGenerated }: { value: string; onChange: (v: string) => void; onGenerated: (v: string) => void }) {
  const tooShort = value !== '' && value.length < 8;
  return (
    <div className="field">
      <label htmlFor="person-password">Password</label>
      <div className="password-row">
        <input id="person-password" name="person-password" type="password" autoComplete="new-password" value={value} minLength={8} maxLength={256} required
          aria-invalid={tooShort} aria-describedby="person-password-hint" onChange={(e) => onChange(e.target.value)} />
        <button type="button" data-testid="generate-password" onClick={() => onGenerated(generatePassword())}>Generate</button>
      </div>
      <p id="person-password-hint" className={tooShort ? 'field-hint field-error' : 'field-hint'}>
        At least 8 characters. Generate one and hand it over in person or a password manager.
      </p>
    </div>
  );
}
