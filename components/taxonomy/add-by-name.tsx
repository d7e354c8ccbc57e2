'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '../ui/button';
import { Input } from '../ui/field';

/** "Name + Add": the name typed here becomes the new item's stable id, so it is asked for up front. */
export function AddByName({
  label,
  placeholder,
  onAdd,
  size = 'md',
}: {
  label: string;
  placeholder: string;
  onAdd: (name: string) => void;
  size?: 'sm' | 'md';
}) {
  const [name, setName] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    if (!name.trim()) return;
    onAdd(name);
    setName('');
  }
  return (
    <form onSubmit={submit} className="flex items-center gap-2">
      <Input
        aria-label={`${label} name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder={placeholder}
        maxLength={100}
        compact={size === 'sm'}
        className={size === 'sm' ? 'max-w-56' : 'max-w-64'}
      />
      <Button type="submit" size={size} disabled={!name.trim()}>
        {label}
      </Button>
    </form>
  );
}
