import { getAssetSpectrogram } from '@/lib/api/operations/assets';
import { renderSpectrogram } from '@/server/assets/render-spectrogram';
import { route } from '@/server/http/route';

export const GET = route(getAssetSpectrogram, async ({ ctx, params, query }) => {
  const png = await renderSpectrogram(ctx, { ...params, ...query });
  return new Response(png, {
    headers: {
      'content-type': 'image/png',
      // The bytes of an asset never change: the same window is the same picture.
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
});
